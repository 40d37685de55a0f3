import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  INTERVENTION_STATES,
  INTERVENTION_TYPES,
  OUTCOME_CHECK_MONTHS,
  type Intervention,
  type InterventionState,
  type InterventionType,
  type InterventionOutcome,
  type OutcomeCheck,
  type OutcomeCheckMonths,
} from '../intervention.types.js';

@ApiSchema({
  name: 'OutcomeCheck',
  description: 'What became of the unit 6, 12 or 24 months after the intervention ended',
})
export class OutcomeCheckResponse implements OutcomeCheck {
  @ApiProperty({ enum: OUTCOME_CHECK_MONTHS, type: 'integer' })
  monthsAfterEnd: OutcomeCheckMonths;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  checkedOn: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'A regular lease followed; null: not known' })
  regularLeaseSigned: boolean | null;

  @ApiProperty({ type: Boolean, nullable: true })
  businessStillTrading: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

@ApiSchema({
  name: 'InterventionOutcome',
  description:
    'The 12-month outcome as the KPIs count it (docs/kpis.md): the recorded 12-month check, else the registry',
})
export class InterventionOutcomeResponse implements InterventionOutcome {
  @ApiProperty({ format: 'date', description: 'End date + 12 months' })
  evaluationDate: string;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'A regular lease followed; null: neither a check nor linked units tell (not evaluable)',
  })
  regularLease: boolean | null;

  @ApiProperty({
    enum: ['check', 'registry'],
    nullable: true,
    description:
      'check: the recorded 12-month check; registry: every linked unit occupied (or not) on the date',
  })
  basis: 'check' | 'registry' | null;
}

@ApiSchema({
  name: 'Intervention',
  description: 'A measure against vacancy (test shop, pop-up, rent subsidy …) and the units it used',
})
export class InterventionResponse implements Intervention {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The town' })
  cityId: string;

  @ApiProperty({ enum: INTERVENTION_TYPES })
  type: InterventionType;

  @ApiProperty({ example: 'Testladen Steinweg' })
  title: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day' })
  endDate: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Budget in EUR' })
  budgetEur: number | null;

  @ApiProperty({ type: String, nullable: true })
  fundingSource: string | null;

  @ApiProperty({ type: String, nullable: true })
  partners: string | null;

  @ApiProperty({ enum: INTERVENTION_STATES })
  state: InterventionState;

  @ApiProperty({ type: String, nullable: true })
  lessonsLearned: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The units the intervention used' })
  storefrontIds: string[];

  @ApiProperty({ type: [OutcomeCheckResponse], description: 'By months after the end' })
  outcomeChecks: OutcomeCheckResponse[];

  @ApiProperty({
    type: InterventionOutcomeResponse,
    nullable: true,
    description: 'The 12-month outcome by the KPI rule; null until ended and 12 months past its end',
  })
  outcome12: InterventionOutcomeResponse | null;

  @ApiProperty({ description: 'Demo data, not a real intervention' })
  isSynthetic: boolean;

  @ApiProperty({ type: 'integer', description: 'Send it back with a change (optimistic locking)' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

@ApiSchema({ name: 'InterventionPage', description: 'One page of the filtered interventions' })
export class InterventionPageResponse {
  @ApiProperty({ type: [InterventionResponse] })
  items: InterventionResponse[];

  @ApiProperty({ type: 'integer', description: 'Interventions matching the filters, on all pages' })
  total: number;
}
