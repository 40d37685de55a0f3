import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { OCCUPANCY_STATUSES, type OccupancyStatus } from '../../storefronts/storefront.types.js';
import type { ReportMap, ReportMapUnit } from '../report.types.js';

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
