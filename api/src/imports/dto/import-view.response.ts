import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  OCCUPANCY_STATUSES,
  USE_CATEGORIES,
  type OccupancyStatus,
  type UseCategory,
} from '../../storefronts/storefront.types.js';
import {
  CSV_DELIMITERS,
  FILE_ENCODINGS,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  type FileInfo,
  type ImportFormat,
  type ImportStatus,
  type ImportSuggestions,
  type ImportView,
} from '../import.types.js';
import { ImportMappingResponse } from './import-mapping.response.js';
import { ImportProblemResponse, ImportSummaryResponse } from './import-outcome.response.js';

@ApiSchema({
  name: 'ImportFileInfo',
  description: 'How the file was read, so that a wrong guess can be spotted',
})
export class FileInfoResponse implements FileInfo {
  @ApiProperty({ enum: IMPORT_FORMATS })
  format: ImportFormat;

  @ApiProperty({ enum: FILE_ENCODINGS })
  encoding: FileInfo['encoding'];

  @ApiProperty({ description: 'The file starts with a byte order mark' })
  bom: boolean;

  @ApiProperty({ enum: CSV_DELIMITERS, nullable: true, description: 'CSV only' })
  delimiter: FileInfo['delimiter'];

  @ApiProperty({ type: String, nullable: true, description: 'XLSX only: the sheet read' })
  sheet: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'The list’s date as a title line above the table names it („Stand 30.11.2026“): the suggested reference date',
  })
  listDate?: string | null;
}

@ApiSchema({ name: 'ImportError', description: 'Why the last commit did not write' })
export class ImportErrorResponse {
  @ApiProperty({ enum: ['rows_rejected', 'failed'] })
  reason: 'rows_rejected' | 'failed';

  @ApiPropertyOptional({ type: ImportSummaryResponse, description: 'rows_rejected only' })
  summary?: ImportSummaryResponse;

  @ApiPropertyOptional({ type: [ImportProblemResponse], description: 'rows_rejected only' })
  problems?: ImportProblemResponse[];
}

@ApiSchema({ name: 'Import', description: 'An uploaded storefront list on its way into the register' })
export class ImportViewResponse implements ImportView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The town' })
  cityId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who uploaded it' })
  ownerId: string | null;

  @ApiProperty({ type: String, nullable: true })
  fileName: string | null;

  @ApiProperty({ enum: IMPORT_FORMATS })
  format: ImportFormat;

  @ApiProperty({
    enum: IMPORT_STATUSES,
    description: 'uploaded → mapped → committing → committed (back to mapped when a commit does not write)',
  })
  status: ImportStatus;

  @ApiProperty({ type: [String], description: 'The header cells of the file' })
  headers: string[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Data rows in the file' })
  rowCount: number;

  @ApiProperty({ type: FileInfoResponse })
  fileInfo: FileInfoResponse;

  @ApiProperty({ type: ImportMappingResponse, nullable: true, description: 'Null until chosen' })
  mapping: ImportMappingResponse | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows handled so far by a running commit' })
  processed: number;

  @ApiProperty({ type: ImportSummaryResponse, nullable: true, description: 'After a commit' })
  summary: ImportSummaryResponse | null;

  @ApiProperty({
    type: ImportErrorResponse,
    nullable: true,
    description: 'Why the last commit did not write',
  })
  error: ImportErrorResponse | null;

  @ApiProperty({ format: 'date-time', description: 'Uploads are kept for 7 days' })
  createdAt: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'The first five data rows, cell by cell',
  })
  preview: string[][];

  @ApiProperty({ type: [ImportProblemResponse], description: 'Rows that could not be read as they are' })
  fileProblems: ImportProblemResponse[];
}

@ApiSchema({ name: 'ImportSuggestions', description: 'A proposed mapping, and the values found in the file' })
export class ImportSuggestionsResponse implements ImportSuggestions {
  @ApiProperty({ type: ImportMappingResponse })
  mapping: ImportMappingResponse;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Header → its distinct cell texts, sorted (only columns with at most 40)',
  })
  values: Record<string, string[]>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...OCCUPANCY_STATUSES], nullable: true },
    description: 'Cell text → the status it would become without a choice (null: none)',
  })
  knownStatuses: Record<string, OccupancyStatus | null>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...USE_CATEGORIES], nullable: true },
    description: 'Cell text → the use category it would become without a choice (null: none)',
  })
  knownCategories: Record<string, UseCategory | null>;
}
