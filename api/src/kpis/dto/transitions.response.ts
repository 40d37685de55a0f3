import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';
import type { Transition, TransitionKind, TransitionSide, TownTransitions } from '../kpi.types.js';
import { MAX_LISTED_TRANSITIONS } from '../transitions.repository.js';

@ApiSchema({ name: 'TransitionSide', description: 'A unit’s state before or after a transition' })
export class TransitionSideResponse implements TransitionSide {
  @ApiProperty({ enum: OCCUPANCY_STATUSES })
  status: OccupancyStatus;

  @ApiProperty({ enum: USE_CATEGORIES, nullable: true })
  useCategory: UseCategory | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Only for members of the town (null in open data: often a person’s name)',
  })
  businessName: string | null;
}

@ApiSchema({ name: 'Transition', description: 'An opening or closure of one unit' })
export class TransitionResponse implements Transition {
  @ApiProperty({ format: 'uuid' })
  storefrontId: string;

  @ApiProperty({ example: 'Marktstraße 12' })
  address: string;

  @ApiProperty({ format: 'date', description: 'The first day of the new state' })
  day: string;

  @ApiProperty({
    enum: ['opening', 'closure'],
    description: 'opening: into use (occupied, temporary use); closure: out of use',
  })
  kind: TransitionKind;

  @ApiProperty({
    type: TransitionSideResponse,
    nullable: true,
    description: 'null: no record before (the unit’s first period)',
  })
  before: TransitionSideResponse | null;

  @ApiProperty({
    type: TransitionSideResponse,
    nullable: true,
    description: 'null: no record after (the unit’s history ends)',
  })
  after: TransitionSideResponse | null;
}

@ApiSchema({
  name: 'TownTransitions',
  description: 'Which units opened and closed in a period: the flow KPIs openings and closures, unit by unit',
})
export class TownTransitionsResponse implements TownTransitions {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Every opening in the period (the flow KPI)' })
  openings: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Every closure in the period (the flow KPI)' })
  closures: number;

  @ApiProperty({
    type: [TransitionResponse],
    description: `Day by day, then by address; at most ${MAX_LISTED_TRANSITIONS}`,
  })
  transitions: TransitionResponse[];

  @ApiProperty({ description: `More than ${MAX_LISTED_TRANSITIONS} transitions: the first are listed` })
  truncated: boolean;
}
