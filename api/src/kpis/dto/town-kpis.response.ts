import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { TownKpis } from '../kpi.types.js';
import { FlowKpisResponse, StockKpisResponse } from './stock-kpis.response.js';

@ApiSchema({ name: 'TownKpis', description: 'A town’s KPIs on one date (definitions: docs/kpis.md)' })
export class TownKpisResponse extends StockKpisResponse implements TownKpis {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ example: 'kpi-v2', description: 'Raised whenever a definition changes' })
  definitionsVersion: string;

  @ApiProperty({ type: 'integer', nullable: true })
  population: number | null;

  @ApiProperty({ description: 'Counted within a provisional buffer around the centre' })
  perimeterIsPlaceholder: boolean;

  @ApiProperty({ description: 'False: the town has no downtown perimeter, so no units are counted' })
  hasPerimeter: boolean;

  @ApiProperty({ type: FlowKpisResponse, description: 'The 12 months up to asOf' })
  flows: FlowKpisResponse;
}
