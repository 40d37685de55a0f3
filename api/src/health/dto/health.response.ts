import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Health } from '../health.service.js';

@ApiSchema({ name: 'DatabaseVersions' })
export class DatabaseVersionsResponse {
  @ApiProperty({ example: '15.8', description: 'PostgreSQL' })
  version: string;

  @ApiProperty({ example: '3.4.2' })
  postgis: string;
}

@ApiSchema({ name: 'Health' })
export class HealthResponse implements Health {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: DatabaseVersionsResponse })
  database: DatabaseVersionsResponse;
}
