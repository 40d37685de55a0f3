import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { OCCUPANCY_STATUSES, type OccupancyStatus } from '../../storefronts/storefront.types.js';
import type { ReportMap, ReportMapStreet, ReportMapUnit } from '../report.types.js';

const DRAWN_STATUSES = OCCUPANCY_STATUSES.filter((s) => s !== 'demolished');

@ApiSchema({
  name: 'ReportMapUnit',
  description: 'A unit as drawn on the report map, in metres from the frame’s top-left corner',
})
export class ReportMapUnitResponse implements ReportMapUnit {
  @ApiProperty({ description: 'Metres east of the frame’s left edge' })
  x: number;

  @ApiProperty({ description: 'Metres south of the frame’s top edge' })
  y: number;

  @ApiProperty({ enum: DRAWN_STATUSES })
  status: Exclude<OccupancyStatus, 'demolished'>;

  @ApiProperty()
  insidePerimeter: boolean;
}

@ApiSchema({ name: 'ReportMapPoint', description: 'A point in metres from the frame’s top-left corner' })
export class ReportMapPointResponse {
  @ApiProperty()
  x: number;

  @ApiProperty()
  y: number;
}

@ApiSchema({
  name: 'ReportMapStreet',
  description: 'A street name to print on the report map, at the centre of its units inside the perimeter',
})
export class ReportMapStreetResponse implements ReportMapStreet {
  @ApiProperty({ example: 'Steinweg' })
  name: string;

  @ApiProperty({ type: 'integer', minimum: 3, description: 'Its units drawn inside the perimeter on asOf' })
  units: number;

  @ApiProperty({ description: 'Metres east of the frame’s left edge' })
  x: number;

  @ApiProperty({ description: 'Metres south of the frame’s top edge' })
  y: number;

  @ApiProperty({
    minimum: -90,
    maximum: 90,
    description: 'Degrees clockwise from the x axis, along the line through its two farthest units',
  })
  angle: number;

  @ApiProperty({ type: ReportMapPointResponse, description: 'One of its two farthest units' })
  from: ReportMapPointResponse;

  @ApiProperty({ type: ReportMapPointResponse, description: 'The other of its two farthest units' })
  to: ReportMapPointResponse;
}

@ApiSchema({
  name: 'ReportMap',
  description:
    'A town report’s downtown map on a date, projected into ETRS89 / UTM (metres) so it can be drawn as SVG at any print size',
})
export class ReportMapResponse implements ReportMap {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({
    example: 'EPSG:25832',
    description: 'The projection: EPSG:25832 west of 12° E, EPSG:25833 east of it',
  })
  crs: string;

  @ApiProperty({ description: 'Frame width in metres' })
  width: number;

  @ApiProperty({ description: 'Frame height in metres' })
  height: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'SVG path data of the downtown perimeter in frame coordinates; null without one',
  })
  perimeterPath: string | null;

  @ApiProperty({ description: 'The perimeter is a provisional buffer around the centre' })
  perimeterIsPlaceholder: boolean;

  @ApiProperty({
    type: [ReportMapStreetResponse],
    description: 'Up to 12 streets with at least 3 units inside the perimeter on asOf, most units first',
  })
  streets: ReportMapStreetResponse[];

  @ApiProperty({ type: [ReportMapUnitResponse], description: 'Units existing on asOf inside the frame' })
  units: ReportMapUnitResponse[];

  @ApiProperty({ description: 'Some of the town’s units are demo data' })
  isSynthetic: boolean;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Latest on-site check of any of the town’s units; null if never',
  })
  lastVerifiedOn: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Latest change of the town’s storefront register; null without storefronts',
  })
  lastChangedAt: string | null;

  @ApiProperty({ description: 'To be printed with the map' })
  attribution: string;
}
