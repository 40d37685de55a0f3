import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { NetworkRefResponse } from '../../networks/dto/network.response.js';
import { SUMMARY_KPIS, type Distribution, type NetworkSummary, type SummaryKpi } from '../kpi.types.js';

@ApiSchema({
  name: 'Distribution',
  description: 'A KPI across towns: quartiles, extremes and how many towns have a value',
})
export class DistributionResponse implements Distribution {
  @ApiProperty({ type: Number, nullable: true })
  median: number | null;

  @ApiProperty({ type: Number, nullable: true })
  q1: number | null;

  @ApiProperty({ type: Number, nullable: true })
  q3: number | null;

  @ApiProperty({ type: Number, nullable: true })
  min: number | null;

  @ApiProperty({ type: Number, nullable: true })
  max: number | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Towns with a value (nulls are left out)' })
  n: number;
}

@ApiExtraModels(DistributionResponse)
@ApiSchema({
  name: 'NetworkSummary',
  description: 'How the member towns the caller may see compare on a date, KPI by KPI',
})
export class NetworkSummaryResponse implements NetworkSummary {
  @ApiProperty({ type: NetworkRefResponse })
  network: NetworkRefResponse;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ example: 'kpi-v2' })
  definitionsVersion: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Member towns included' })
  towns: number;

  @ApiProperty({
    type: 'object',
    description: 'Per KPI (flows: the 12 months up to asOf)',
    properties: Object.fromEntries(
      SUMMARY_KPIS.map((kpi) => [kpi, { allOf: [{ $ref: getSchemaPath(DistributionResponse) }] }]),
    ),
    required: [...SUMMARY_KPIS],
  })
  kpis: Record<SummaryKpi, DistributionResponse>;
}
