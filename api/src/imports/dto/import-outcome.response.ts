import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { OCCUPANCY_STATUSES, type OccupancyStatus } from '../../storefronts/storefront.types.js';
import { MAX_LISTED_CHANGES } from '../import-preview.js';
import {
  CHANGE_FIELDS,
  PROBLEM_CODES,
  PROBLEM_SEVERITIES,
  type ChangeField,
  type DryRunResult,
  type FieldChange,
  type ImportChange,
  type ImportOutcome,
  type ImportProblem,
  type ImportSummary,
  type NewUnit,
  type ProblemCode,
  type ProblemParams,
  type ProblemSeverity,
} from '../import.types.js';

const COUNT = { type: 'integer', minimum: 0 } as const;

@ApiSchema({ name: 'ImportProblem', description: 'One problem with one cell or row of the file' })
export class ImportProblemResponse implements ImportProblem {
  @ApiProperty({
    type: 'integer',
    description: 'Line (CSV) or row (XLSX) in the file; feature number in GeoJSON',
  })
  line: number;

  @ApiProperty({ type: String, nullable: true, description: 'Header of the column' })
  column: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The cell as it is in the file' })
  value: string | null;

  @ApiProperty({ description: 'What is wrong, in words a city manager understands' })
  reason: string;

  @ApiProperty({ enum: PROBLEM_CODES })
  code: ProblemCode;

  @ApiProperty({
    enum: PROBLEM_SEVERITIES,
    description: 'error: the row is rejected; warning: imported anyway',
  })
  severity: ProblemSeverity;

  @ApiPropertyOptional({
    type: 'object',
    properties: {
      since: {
        type: 'string',
        description: 'DATE_BEFORE_CURRENT: the day the current status began (DD.MM.YYYY)',
      },
      otherLine: {
        type: 'string',
        description:
          'The row of the same unit whose problem keeps this row out (a history is imported whole)',
      },
      context: {
        type: 'string',
        description:
          'Which case of the code: INVALID_DATE afterReference; INVALID_NUMBER decimalComma, decimalPoint, range; INVALID_VALUE floor, postcode, postcodeFourDigits, email; INVALID_COORDINATES degrees, swapped, easting, northing; DUPLICATE_IN_FILE sameUnit, sameReference, repeat',
      },
      referenceDate: {
        type: 'string',
        description: 'INVALID_DATE afterReference: the list’s reference date (DD.MM.YYYY)',
      },
      min: { type: 'string', description: 'INVALID_NUMBER range: the smallest value allowed' },
      max: { type: 'string', description: 'INVALID_NUMBER range: the largest value allowed' },
      firstLine: {
        type: 'string',
        description: 'DUPLICATE_IN_FILE: the line this one repeats or duplicates',
      },
      stored: {
        type: 'string',
        description:
          'ADDRESS_TYPO, LARGE_MOVE: the unit’s stored address; NEAR_OTHER_NUMBER: the stored unit beside the row',
      },
      distance: {
        type: 'string',
        description: 'LARGE_MOVE: metres the unit would move; NEAR_OTHER_NUMBER: metres to the stored unit',
      },
    },
    description: 'The particulars named in `reason`, for a sentence in the dashboard’s language',
  })
  params?: ProblemParams;
}

@ApiSchema({
  name: 'ImportSummary',
  description: 'What an import did (or would do) with the rows of the file',
})
export class ImportSummaryResponse implements ImportSummary {
  @ApiProperty({ ...COUNT, description: 'Rows in the file' })
  total: number;

  @ApiProperty({ ...COUNT, description: 'New units' })
  created: number;

  @ApiProperty({ ...COUNT, description: 'Existing units changed' })
  updated: number;

  @ApiProperty({ ...COUNT, description: 'Of the updated: units whose history got a new status period' })
  historyExtended: number;

  @ApiProperty({ ...COUNT })
  unchanged: number;

  @ApiProperty({ ...COUNT })
  rejected: number;

  @ApiProperty({
    ...COUNT,
    description: 'Rows without coordinates that matched no unit: listed, not imported',
  })
  needsPlacing: number;

  @ApiProperty({
    ...COUNT,
    description:
      'Matched units whose position in the file is the stored one rounded (fewer decimals): the stored position is kept',
  })
  roundedPositions: number;
}

@ApiSchema({ name: 'ImportOutcome', description: 'What the import wrote, and the rows it had problems with' })
export class ImportOutcomeResponse implements ImportOutcome {
  @ApiProperty({ type: ImportSummaryResponse })
  summary: ImportSummaryResponse;

  @ApiProperty({ type: [ImportProblemResponse] })
  problems: ImportProblemResponse[];
}

@ApiSchema({ name: 'FieldChange', description: 'One field of a unit a commit would change' })
export class FieldChangeResponse implements FieldChange {
  @ApiProperty({ enum: CHANGE_FIELDS })
  field: ChangeField;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The stored value as text (numbers with a decimal point; codes for status, use and floor)',
  })
  before: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The new value as text; for `location` the metres moved; none for `history` and `contact`',
  })
  after: string | null;
}

@ApiSchema({ name: 'ImportChange', description: 'An existing unit a commit would update, and what changes' })
export class ImportChangeResponse implements ImportChange {
  @ApiProperty({ description: 'Line in the file' })
  line: number;

  @ApiProperty({ format: 'uuid' })
  storefrontId: string;

  @ApiProperty({ description: 'The unit’s stored address' })
  address: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The day a new status, use or business name takes effect (YYYY-MM-DD); null when they stay',
  })
  statusFrom: string | null;

  @ApiProperty({ type: [FieldChangeResponse] })
  fields: FieldChangeResponse[];
}

@ApiSchema({ name: 'NewUnit', description: 'A unit a commit would create' })
export class NewUnitResponse implements NewUnit {
  @ApiProperty({ description: 'Line in the file' })
  line: number;

  @ApiProperty({ description: 'The address as the file gives it' })
  address: string;

  @ApiProperty({ enum: OCCUPANCY_STATUSES })
  status: OccupancyStatus;
}

@ApiSchema({ name: 'DryRunResult', description: 'What a commit would do, without writing anything' })
export class DryRunResultResponse extends ImportOutcomeResponse implements DryRunResult {
  @ApiProperty({ description: 'A commit would write: no rejected rows, or rejected rows are to be skipped' })
  committable: boolean;

  @ApiProperty({
    type: [ImportChangeResponse],
    description: `The units a commit would update, by line, with each changed field (at most ${MAX_LISTED_CHANGES}; summary.updated counts all)`,
  })
  changes: ImportChangeResponse[];

  @ApiProperty({
    type: [NewUnitResponse],
    description: `The rows a commit would create a unit from, by line (at most ${MAX_LISTED_CHANGES}; summary.created counts all)`,
  })
  newUnits: NewUnitResponse[];
}
