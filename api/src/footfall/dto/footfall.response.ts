import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LINE_PROBLEMS, type LineProblem } from '../footfall.types.js';
import type {
  CountsRemoved,
  FootfallImportReport,
  FootfallLocation,
  FootfallTrend,
  FootfallWeek,
  LineReport,
} from '../footfall.types.js';

@ApiSchema({
  name: 'CounterFileLine',
  description: 'One line of a counter file that was repaired or rejected',
})
export class LineReportResponse implements LineReport {
  @ApiProperty({ type: 'integer' })
  line: number;

  @ApiProperty({ description: 'The line as it is in the file' })
  text: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The column as the file’s header names it (both, comma-separated, where date and hour are two columns); null for a problem of the whole line',
  })
  column: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The line’s value in that column' })
  value: string | null;

  @ApiProperty({ enum: LINE_PROBLEMS, description: 'Why, as a code (explained in the dashboard’s language)' })
  problem: LineProblem;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'The numbers the explanation names: `column`, `cells`/`headers`, `line`, `max`, `year`',
  })
  params: Record<string, number>;

  @ApiProperty({ description: 'Why, in English' })
  reason: string;
}

@ApiSchema({ name: 'CountingGap', description: 'Hours missing from the file' })
export class CountingGapResponse {
  @ApiProperty({ format: 'date-time', description: 'First missing hour' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'The next hour counted' })
  to: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  hours: number;
}

@ApiSchema({ name: 'FootfallImportReport', description: 'What was stored from a counter file' })
export class FootfallImportReportResponse implements FootfallImportReport {
  @ApiProperty({ format: 'uuid', description: 'The counting location' })
  locationId: string;

  @ApiProperty({ example: 'Steinweg / Markt' })
  location: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Hourly counts stored (new or replaced)' })
  stored: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Hours the counter reported no count' })
  outageHours: number;

  @ApiProperty({ format: 'date-time' })
  firstHour: string;

  @ApiProperty({ format: 'date-time' })
  lastHour: string;

  @ApiProperty({ type: [CountingGapResponse] })
  gaps: CountingGapResponse[];

  @ApiProperty({ type: [LineReportResponse] })
  repaired: LineReportResponse[];

  @ApiProperty({ type: [LineReportResponse] })
  rejected: LineReportResponse[];

  @ApiProperty({ type: [String], description: 'Text encodings found in the file' })
  encodings: string[];
}

@ApiSchema({ name: 'FootfallWeek', description: 'Pedestrian counts of one ISO week, all locations together' })
export class FootfallWeekResponse implements FootfallWeek {
  @ApiProperty({ type: 'integer', minimum: 0 })
  locationCount: number;

  @ApiProperty({ type: 'integer' })
  isoYear: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 53 })
  isoWeek: number;

  @ApiProperty({ format: 'date', description: 'Monday of the week' })
  weekStart: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean count per complete counting day' })
  meanDailyCount: number | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  completeDays: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Location-weekdays counted completely this week and in the same ISO week a year before',
  })
  comparableDays: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'This year / last year − 1 over the comparable days; null without any',
  })
  yearOnYear: number | null;
}

@ApiSchema({ name: 'CountingLocation' })
export class FootfallLocationResponse implements FootfallLocation {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({
    type: [Number],
    nullable: true,
    minItems: 2,
    maxItems: 2,
    description: 'The counter’s position [lon, lat] (EPSG:4326); null while none is stored',
  })
  lonLat: [number, number] | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstHour: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastHour: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  hours: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  outageHours: number;
}

@ApiSchema({ name: 'CountsRemoved', description: 'Counts removed from a counting location' })
export class CountsRemovedResponse implements CountsRemoved {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Hours removed (counts and outages)' })
  removedHours: number;

  @ApiProperty({ type: FootfallLocationResponse, description: 'The location as it is now' })
  location: FootfallLocationResponse;
}

@ApiSchema({ name: 'MonthlyVacancy' })
export class MonthlyVacancyResponse {
  @ApiProperty({ format: 'date', description: 'First day of the month' })
  month: string;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 })
  vacancyRate: number | null;
}

@ApiSchema({
  name: 'FootfallTrend',
  description: 'A town’s weekday-adjusted footfall trend next to its monthly vacancy rate',
})
export class FootfallTrendResponse implements FootfallTrend {
  @ApiProperty({ format: 'uuid' })
  cityId: string;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ description: 'How the trend is computed, in words' })
  method: string;

  @ApiProperty({ type: [FootfallLocationResponse] })
  locations: FootfallLocationResponse[];

  @ApiProperty({ type: [FootfallWeekResponse], description: 'Oldest first' })
  weeks: FootfallWeekResponse[];

  @ApiProperty({ type: [MonthlyVacancyResponse] })
  vacancy: MonthlyVacancyResponse[];
}
