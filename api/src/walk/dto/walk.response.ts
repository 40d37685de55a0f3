import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { StorefrontResponse } from '../../storefronts/dto/storefront.response.js';
import type { WalkOverview, WalkStreet, WalkUnits } from '../walk.types.js';

@ApiSchema({ name: 'WalkStreet', description: 'A street with its units and those due for an on-site check' })
export class WalkStreetResponse implements WalkStreet {
  @ApiProperty({ example: 'Marktstraße' })
  street: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Units on the street today (not demolished)' })
  units: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Of them not checked on site in the last 12 months',
  })
  due: number;
}

@ApiSchema({ name: 'WalkOverview', description: 'A town’s streets for a site walk' })
export class WalkOverviewResponse implements WalkOverview {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ format: 'date', description: 'Today in Germany' })
  asOf: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  units: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  due: number;

  @ApiProperty({ type: [WalkStreetResponse], description: 'By street name, in German order' })
  streets: WalkStreetResponse[];
}

@ApiSchema({ name: 'WalkUnits', description: 'The units of one street, by house number' })
export class WalkUnitsResponse implements WalkUnits {
  @ApiProperty()
  street: string;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ type: [StorefrontResponse], description: 'By house number, then floor; at most 500' })
  items: StorefrontResponse[];

  @ApiProperty({ description: 'The street has more units than the 500 given (the rest: the town’s list)' })
  more: boolean;
}
