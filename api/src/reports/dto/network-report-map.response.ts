import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { NetworkRefResponse } from '../../networks/dto/network.response.js';
import type { NetworkMapTown, NetworkReportMap } from '../report.types.js';
import type { VacancyClass } from '../vacancy-classes.js';

@ApiSchema({
  name: 'VacancyClass',
  description: 'A fixed class of the vacancy rate, the same in every report',
})
export class VacancyClassResponse implements VacancyClass {
  @ApiProperty({ type: 'integer', minimum: 0, description: '0 = lowest vacancy' })
  index: number;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Lower bound (inclusive), fraction 0…1' })
  from: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Upper bound (exclusive); null for the open top class',
  })
  to: number | null;
}

@ApiSchema({ name: 'NetworkMapTown', description: 'A member town on the network map' })
export class NetworkMapTownResponse implements NetworkMapTown {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty()
  slug: string;

  @ApiProperty()
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'SVG path data of the municipal boundary in frame coordinates (whole metres); null without one',
  })
  boundaryPath: string | null;

  @ApiProperty({ description: 'Where the label goes (frame coordinates)' })
  labelX: number;

  @ApiProperty()
  labelY: number;

  @ApiProperty({ description: 'The town centre (frame coordinates)' })
  centreX: number;

  @ApiProperty()
  centreY: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'Null without units on the date',
  })
  vacancyRate: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Index into `classes`; null: no data' })
  vacancyClass: number | null;

  @ApiProperty({ description: 'The town’s units are demo data' })
  isSynthetic: boolean;
}

@ApiSchema({
  name: 'NetworkReportMap',
  description:
    'A network report’s overview map on a date: the member towns the caller may see, each with its class of the vacancy rate, in ETRS89 / UTM metres',
})
export class NetworkReportMapResponse implements NetworkReportMap {
  @ApiProperty({ type: NetworkRefResponse })
  network: NetworkRefResponse;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ example: 'EPSG:25832' })
  crs: string;

  @ApiProperty({ description: 'Frame width in metres; 0 without visible towns' })
  width: number;

  @ApiProperty({ description: 'Frame height in metres; 0 without visible towns' })
  height: number;

  @ApiProperty({ type: [VacancyClassResponse], description: 'Lowest first' })
  classes: VacancyClassResponse[];

  @ApiProperty({ type: [NetworkMapTownResponse] })
  towns: NetworkMapTownResponse[];

  @ApiProperty()
  attribution: string;
}
