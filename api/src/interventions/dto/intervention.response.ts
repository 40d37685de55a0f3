import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  INTERVENTION_OBSTACLES,
  INTERVENTION_STATES,
  INTERVENTION_TYPES,
  OUTCOME_CHECK_MONTHS,
  OUTCOME_MEASURES,
  OUTCOME_RESULTS,
  type Intervention,
  type InterventionObstacle,
  type InterventionState,
  type InterventionType,
  type InterventionOutcome,
  type InterventionUnit,
  type OutcomeCheck,
  type OutcomeCheckMonths,
  type OutcomeMeasure,
  type OutcomeResult,
} from '../intervention.types.js';
import { FLOORS, type Floor } from '../../storefronts/storefront.types.js';

@ApiSchema({
  name: 'InterventionUnit',
  description:
    'A unit the intervention used, by its address (no business name: that follows the unit’s rules)',
})
export class InterventionUnitResponse implements InterventionUnit {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  street: string;

  @ApiProperty()
  houseNumber: string;

  @ApiProperty({ enum: FLOORS })
  floor: Floor;
}

@ApiSchema({
  name: 'OutcomeCheck',
  description: 'What became of the unit 6, 12 or 24 months after the intervention ended',
})
export class OutcomeCheckResponse implements OutcomeCheck {
  @ApiProperty({ enum: OUTCOME_CHECK_MONTHS, type: 'integer' })
  monthsAfterEnd: OutcomeCheckMonths;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  checkedOn: string | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'A regular lease was signed — by the placed business (test shop, pop-up, temporary use); for a vacancy exchange, for a listed unit; null: not known',
  })
  regularLeaseSigned: boolean | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'The intervention’s own (placed or subsidised) business still trades; null: not known',
  })
  businessStillTrading: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

@ApiSchema({
  name: 'InterventionOutcome',
  description:
    'The 12-month outcome by the one rule of docs/kpis.md ("Intervention outcome"): what the KPI, the knowledge base and the reports show',
})
export class InterventionOutcomeResponse implements InterventionOutcome {
  @ApiProperty({
    enum: OUTCOME_MEASURES,
    description:
      'What is asked: ownBusinessLease (test shop, pop-up, temporary use: the placed business trades under a regular lease), businessesTrading (rent subsidy: the subsidised businesses still open), unitLet (vacancy exchange: a listed unit let), none (not measured)',
  })
  measure: OutcomeMeasure;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'End date + 12 months' })
  evaluationDate: string | null;

  @ApiProperty({
    enum: OUTCOME_RESULTS,
    description:
      'success/failure; otherTenant: failed, the unit let to another business; pending: not yet due; overdue: due, but neither a check nor the register answers; notMeasured: the type has no 12-month measure',
  })
  result: OutcomeResult;

  @ApiProperty({
    enum: ['check', 'registry'],
    nullable: true,
    description:
      'What a known result rests on: the recorded 12-month check, or the register on the evaluation date',
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

  @ApiProperty({
    enum: INTERVENTION_OBSTACLES,
    isArray: true,
    description: 'What stood in its way, in the list order; [] = none recorded',
  })
  obstacles: InterventionObstacle[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'The units the intervention used' })
  storefrontIds: string[];

  @ApiProperty({
    type: [InterventionUnitResponse],
    description: 'The same units with their addresses, by street and house number',
  })
  units: InterventionUnitResponse[];

  @ApiProperty({ type: [OutcomeCheckResponse], description: 'By months after the end' })
  outcomeChecks: OutcomeCheckResponse[];

  @ApiProperty({
    type: InterventionOutcomeResponse,
    description: 'The 12-month outcome, known on the list’s `asOf` (default today)',
  })
  outcome12: InterventionOutcomeResponse;

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
