import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { NetworkRefResponse } from '../../networks/dto/network.response.js';
import {
  SUMMARY_KPIS,
  type Distribution,
  type NetworkSummary,
  type SummaryKpi,
  type TownRank,
} from '../kpi.types.js';

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

@ApiSchema({
  name: 'TownRank',
  description: 'A town’s place among the members with a value, counted from the lowest value (1 = lowest)',
})
export class TownRankResponse implements TownRank {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: '1 + members with a lower value; null when the town has no value',
  })
  position: number | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Members with a value' })
  of: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Other members with the same value (same place)' })
  tied: number;
}

@ApiExtraModels(TownRankResponse)
@ApiSchema({ name: 'NetworkSummaryTown', description: 'The town asked for with `town`, and its places' })
export class NetworkSummaryTownResponse {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({
    type: 'object',
    description: 'Per KPI, as in `kpis`',
    properties: Object.fromEntries(
      SUMMARY_KPIS.map((kpi) => [kpi, { allOf: [{ $ref: getSchemaPath(TownRankResponse) }] }]),
    ),
    required: [...SUMMARY_KPIS],
  })
  ranks: Record<SummaryKpi, TownRankResponse>;
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

  @ApiPropertyOptional({ type: NetworkSummaryTownResponse, description: 'Only when asked with `town`' })
  town?: NetworkSummaryTownResponse;
}
