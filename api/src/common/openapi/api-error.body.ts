import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '../domain-error.js';

/** What every error answers (error.filter.ts): the shape of ErrorFilter's body, for the OpenAPI document. */
@ApiSchema({ name: 'ApiErrorBody' })
export class ApiErrorBody {
  @ApiProperty({
    enum: ERROR_CODES,
    description: 'Stable, machine-readable; its HTTP status is fixed (docs/api.md, "Errors")',
    example: 'VALIDATION_FAILED',
  })
  code: ErrorCode;

  @ApiProperty({ description: 'For people: what went wrong and what to do', example: 'Please sign in.' })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Particulars, by code: `fields` (VALIDATION_FAILED), `current` (VERSION_CONFLICT: the record as now stored), `id`, `constraint`, `reason` …',
  })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Only on 5xx answers: quote it when reporting the problem (also the X-Request-Id header)',
  })
  requestId?: string;
}
