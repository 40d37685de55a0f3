import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import { REPORT_RENDER_CODES, type ReportRenderCode } from '../report-render.error.js';

/** What ReportRenderErrorFilter answers when a PDF cannot be produced: the API's error shape with its own codes. */
@ApiSchema({ name: 'ReportRenderErrorBody' })
export class ReportRenderErrorBody {
  @ApiProperty({ enum: REPORT_RENDER_CODES })
  code: ReportRenderCode;

  @ApiProperty()
  message: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Quote it when reporting the problem (also the X-Request-Id header)' })
  requestId?: string;
}

const RENDER_ERRORS: readonly [number, string][] = [
  [502, 'The report page failed while rendering (REPORT_PAGE_FAILED).'],
  [
    503,
    'The PDF renderer is unavailable or busy (REPORT_RENDERER_UNAVAILABLE, REPORT_RENDERER_BUSY); retry after the Retry-After seconds.',
  ],
  [504, 'Rendering took too long (REPORT_RENDER_TIMEOUT).'],
];

/** The answers of a PDF that could not be rendered (report-render.error.ts). */
export const ApiRenderErrors = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ReportRenderErrorBody),
    ...RENDER_ERRORS.map(([status, description]) =>
      ApiResponse({
        status,
        description,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ReportRenderErrorBody) } } },
      }),
    ),
  );
