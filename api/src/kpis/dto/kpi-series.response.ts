import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  SERIES_INTERVALS,
  type KpiSeries,
  type SeriesBucket,
  type SeriesInterval,
  type TownSeries,
} from '../kpi.types.js';
import { FlowKpisResponse, StockKpisResponse } from './stock-kpis.response.js';

@ApiSchema({
  name: 'SeriesBucket',
  description: 'One month, quarter or year: stock KPIs on its last day, flows over its days',
})
export class SeriesBucketResponse extends StockKpisResponse implements SeriesBucket {
  @ApiProperty({ format: 'date', description: 'First day of the bucket' })
  start: string;

  @ApiProperty({ format: 'date', description: 'Last day of the bucket; stock KPIs are taken on this day' })
  end: string;

  @ApiProperty({ type: FlowKpisResponse })
  flows: FlowKpisResponse;
}

@ApiSchema({ name: 'TownSeries' })
export class TownSeriesResponse implements TownSeries {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ type: [SeriesBucketResponse], description: 'Oldest first' })
  buckets: SeriesBucketResponse[];
}

@ApiSchema({ name: 'KpiSeries', description: 'KPIs per calendar month, quarter or year, per town' })
export class KpiSeriesResponse implements KpiSeries {
  @ApiProperty({ example: 'kpi-v2' })
  definitionsVersion: string;

  @ApiProperty({ enum: SERIES_INTERVALS })
  interval: SeriesInterval;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: [TownSeriesResponse], description: 'In the order the towns were asked for' })
  towns: TownSeriesResponse[];
}
