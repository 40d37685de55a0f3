import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Network } from '../network.types.js';

@ApiSchema({ name: 'Network', description: 'A network of towns that compare their downtowns' })
export class NetworkResponse implements Network {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'innenstadt-netzwerk' })
  slug: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where the information about the network comes from',
  })
  source: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The member towns, by name' })
  cityIds: string[];
}

/** The network a summary or a report map is about. */
@ApiSchema({ name: 'NetworkRef' })
export class NetworkRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  slug: string;

  @ApiProperty()
  name: string;
}
