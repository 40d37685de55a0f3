import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { USE_MIX_KEYS, type FlowKpis, type StockKpis, type UseMixKey } from '../kpi.types.js';

/** Rates are fractions 0…1, unrounded; null where the denominator is 0 (docs/kpis.md). */
const RATE = { type: 'number', nullable: true, minimum: 0, maximum: 1 } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;

@ApiSchema({
  name: 'FlowKpis',
  description: 'Openings, closures and re-lettings within [from, to], both days inclusive (docs/kpis.md)',
})
export class FlowKpisResponse implements FlowKpis {
  @ApiProperty({ format: 'date', description: 'First day (inclusive)' })
  from: string;

  @ApiProperty({ format: 'date', description: 'Last day (inclusive)' })
  to: string;

  @ApiProperty({ ...COUNT, description: 'Units that came into use' })
  openings: number;

  @ApiProperty({ ...COUNT, description: 'Units that went out of use' })
  closures: number;

  @ApiProperty({ type: 'integer', description: 'openings − closures' })
  netChange: number;

  @ApiProperty({ ...COUNT, description: 'Vacancies that ended with the unit in use again' })
  reLettings: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Median days from vacancy start to re-letting' })
  medianReLettingDays: number | null;
}

/** The stock KPIs on a date, shared by a town's snapshot and each bucket of a series. */
export abstract class StockKpisResponse implements StockKpis {
  @ApiProperty({ ...COUNT, description: 'Existing units inside the downtown perimeter' })
  units: number;

  @ApiProperty({ ...COUNT })
  vacantUnits: number;

  @ApiProperty({ ...COUNT, description: 'Occupied or in temporary use' })
  unitsInUse: number;

  @ApiProperty({ ...COUNT, description: 'Vacant for 12 months or longer' })
  longTermVacantUnits: number;

  @ApiProperty({ ...RATE, description: 'vacantUnits / units' })
  vacancyRate: number | null;

  @ApiProperty({ ...RATE, description: '(vacant + under renovation + not lettable) / units' })
  notInUseRate: number | null;

  @ApiProperty({ ...RATE, description: 'Vacant floor area / floor area, over units with a known area' })
  vacancyRateByArea: number | null;

  @ApiProperty({ ...RATE, description: 'Share of units with a known floor area' })
  areaCoverage: number | null;

  @ApiProperty({ ...RATE, description: 'longTermVacantUnits / vacantUnits' })
  longTermVacancyShare: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Median age of the current vacancies in days' })
  medianVacancyDays: number | null;

  @ApiProperty({ ...RATE, description: 'Units in temporary use / units' })
  temporaryUseShare: number | null;

  @ApiProperty({
    type: 'object',
    description: 'Per use category: units in use with it / units in use (`unspecified`: in use, no category)',
    properties: Object.fromEntries(USE_MIX_KEYS.map((key) => [key, RATE])),
    required: [...USE_MIX_KEYS],
  })
  useMix: Record<UseMixKey, number | null>;

  @ApiProperty({ type: Number, nullable: true, description: 'vacantUnits per 1,000 inhabitants' })
  vacantPer1000Inhabitants: number | null;

  @ApiProperty({ ...RATE, description: 'Share of units verified on site within the last 12 months' })
  dataFreshness: number | null;

  @ApiProperty({
    ...RATE,
    description: 'Ended test shops, pop-ups and temporary uses followed by a regular lease within 12 months',
  })
  interventionConversionRate: number | null;

  @ApiProperty({ ...COUNT })
  interventionsEvaluated: number;

  @ApiProperty({ ...COUNT })
  interventionsConverted: number;
}
