import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { StorefrontContact } from '../contacts.repository.js';

@ApiSchema({
  name: 'StorefrontContact',
  description: 'Landlord contact and asking rent of a unit: personal data, for the town’s editors only',
})
export class StorefrontContactResponse implements StorefrontContact {
  @ApiProperty({ format: 'uuid' })
  storefrontId: string;

  @ApiProperty({ type: String, nullable: true })
  ownerName: string | null;

  @ApiProperty({ type: String, nullable: true })
  ownerPhone: string | null;

  @ApiProperty({ type: String, nullable: true })
  ownerEmail: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Asking rent in EUR per month' })
  askingRentEurMonth: number | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
