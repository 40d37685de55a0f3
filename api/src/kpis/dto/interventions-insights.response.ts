import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  INTERVENTION_OBSTACLES,
  INTERVENTION_TYPES,
  OUTCOME_MEASURES,
  type InterventionObstacle,
  type InterventionType,
  type OutcomeMeasure,
} from '../../interventions/intervention.types.js';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';
import type {
  InterventionsByType,
  InterventionsByTypeAndTown,
  InterventionTownCell,
  InterventionTypeByTown,
  InterventionTypeInsight,
  ObstacleCount,
  OccupancyAt,
  OccupancyBeforeAfter,
} from '../kpi.types.js';

@ApiSchema({ name: 'ObstacleCount', description: 'How many interventions name one obstacle' })
export class ObstacleCountResponse implements ObstacleCount {
  @ApiProperty({ enum: INTERVENTION_OBSTACLES })
  obstacle: InterventionObstacle;

  @ApiProperty({ type: 'integer', minimum: 1 })
  count: number;
}

/** The type and its measure, which both knowledge-base answers give per type. */
abstract class InterventionTypeKey {
  @ApiProperty({ enum: INTERVENTION_TYPES })
  type: InterventionType;

  @ApiProperty({
    enum: OUTCOME_MEASURES,
    description: 'What the type’s 12-month outcome asks (InterventionOutcome.measure); none: not measured',
  })
  measure: OutcomeMeasure;
}

@ApiSchema({ name: 'InterventionTypeInsight', description: 'What one type of intervention achieved' })
export class InterventionTypeInsightResponse extends InterventionTypeKey implements InterventionTypeInsight {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Started on or before asOf (state running or ended)',
  })
  tried: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Ended on or before asOf (state ended)' })
  ended: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Ended ones whose 12-month outcome is known (success, failure or otherTenant)',
  })
  evaluated: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'Evaluated ones with result success by the type’s measure (a rent subsidy: its businesses still open)',
  })
  ledToRegularLease12m: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'ledToRegularLease12m / evaluated',
  })
  regularLeaseShare: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Ended ones past their evaluation date that neither a check nor the register answers',
  })
  overdue: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Median budget per linked unit (EUR)' })
  medianCostPerUnit: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Tried ones with at least one obstacle recorded',
  })
  withObstacles: number;

  @ApiProperty({
    type: [ObstacleCountResponse],
    description:
      'Per obstacle named by a tried one, how many name it (one may name several); most often first, ties in the list order',
  })
  obstacles: ObstacleCountResponse[];
}

@ApiSchema({
  name: 'InterventionsByType',
  description: 'The knowledge base: interventions by type, on a date',
})
export class InterventionsByTypeResponse implements InterventionsByType {
  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ example: 'kpi-v2' })
  definitionsVersion: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'How many towns’ interventions are counted: those asked for (network, towns) whose interventions the caller reads; null when every town is',
  })
  towns: number | null;

  @ApiProperty({ type: [InterventionTypeInsightResponse] })
  types: InterventionTypeInsightResponse[];
}

@ApiSchema({
  name: 'InterventionTownCell',
  description:
    'One town’s interventions of one type on asOf: how many were tried and their 12-month results. For a type with a measure the five results add up to tried; for measure none they are all 0.',
})
export class InterventionTownCellResponse implements InterventionTownCell {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Started on or before asOf (state running or ended)',
  })
  tried: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Result success by the type’s measure (a rent subsidy: its businesses still open)',
  })
  success: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Result failure' })
  failure: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Result otherTenant: the unit let, but not to the business the intervention placed',
  })
  otherTenant: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Result overdue: past the evaluation date, neither a check nor the register answers',
  })
  overdue: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Result pending: still running, or the evaluation date lies after asOf',
  })
  pending: number;
}

@ApiSchema({ name: 'InterventionTypeByTown', description: 'One type of intervention, town by town' })
export class InterventionTypeByTownResponse extends InterventionTypeKey implements InterventionTypeByTown {
  @ApiProperty({
    type: [InterventionTownCellResponse],
    description: 'One cell per town, in the order of the answer’s towns',
  })
  towns: InterventionTownCellResponse[];
}

@ApiSchema({ name: 'InterventionTown', description: 'A town, a column of the table' })
export class InterventionTownResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Mühlhausen/Thüringen' })
  name: string;

  @ApiProperty({
    description:
      'Some of the town’s interventions counted here are synthetic demo data (Intervention.isSynthetic)',
  })
  synthetic: boolean;
}

@ApiSchema({
  name: 'InterventionsByTypeAndTown',
  description:
    'The knowledge base’s table: which town tried which type of intervention, and how it turned out',
})
export class InterventionsByTypeAndTownResponse implements InterventionsByTypeAndTown {
  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ example: 'kpi-v2' })
  definitionsVersion: string;

  @ApiProperty({
    type: [InterventionTownResponse],
    description:
      'The towns counted, in German alphabetical order: those asked for (network, towns) whose interventions the caller reads, every one even without interventions',
  })
  towns: InterventionTownResponse[];

  @ApiProperty({ type: [InterventionTypeByTownResponse] })
  types: InterventionTypeByTownResponse[];
}

@ApiSchema({ name: 'OccupancyAt', description: 'A unit’s status on one date around an intervention' })
export class OccupancyAtResponse implements OccupancyAt {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Null when the intervention lacks the date it derives from',
  })
  date: string | null;

  @ApiProperty({
    description: 'False when the date lies after today (status and use category are then null)',
  })
  known: boolean;

  @ApiProperty({ enum: OCCUPANCY_STATUSES, nullable: true })
  status: OccupancyStatus | null;

  @ApiProperty({ enum: USE_CATEGORIES, nullable: true })
  useCategory: UseCategory | null;
}

@ApiSchema({ name: 'UnitBeforeAfter' })
export class UnitBeforeAfterResponse {
  @ApiProperty({ format: 'uuid' })
  storefrontId: string;

  @ApiProperty({ example: 'Marktstraße 12', description: 'Street and house number' })
  address: string;

  @ApiProperty({ type: OccupancyAtResponse, description: 'The day before the start' })
  beforeStart: OccupancyAtResponse;

  @ApiProperty({ type: OccupancyAtResponse, description: 'The last day' })
  atEnd: OccupancyAtResponse;

  @ApiProperty({ type: OccupancyAtResponse, description: '12 months after the end' })
  after12Months: OccupancyAtResponse;
}

@ApiSchema({
  name: 'OccupancyBeforeAfter',
  description: 'The status of each unit an intervention used: before, at its end and a year later',
})
export class OccupancyBeforeAfterResponse implements OccupancyBeforeAfter {
  @ApiProperty({ format: 'uuid' })
  interventionId: string;

  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ enum: INTERVENTION_TYPES })
  type: InterventionType;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endDate: string | null;

  @ApiProperty({ type: [UnitBeforeAfterResponse] })
  units: UnitBeforeAfterResponse[];
}
