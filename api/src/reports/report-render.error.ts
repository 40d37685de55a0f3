import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { jsonLog } from '../common/request-context.js';

/** Why a PDF could not be produced. Each code has exactly one HTTP status (exhaustive switch below). */
export const REPORT_RENDER_CODES = [
  'REPORT_RENDERER_UNAVAILABLE',
  'REPORT_RENDERER_BUSY',
  'REPORT_RENDER_TIMEOUT',
  'REPORT_PAGE_FAILED',
] as const;
export type ReportRenderCode = (typeof REPORT_RENDER_CODES)[number];

export class ReportRenderError extends Error {
  constructor(
    readonly code: ReportRenderCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function reportRenderStatus(code: ReportRenderCode): number {
  switch (code) {
    case 'REPORT_RENDERER_UNAVAILABLE':
    case 'REPORT_RENDERER_BUSY':
      return 503;
    case 'REPORT_RENDER_TIMEOUT':
      return 504;
    case 'REPORT_PAGE_FAILED':
      return 502;
    default: {
      const unknown: never = code;
      return unknown;
    }
  }
}

/** `{ code, message, details, requestId }` like every other error of the API; 503 with Retry-After. */
@Catch(ReportRenderError)
export class ReportRenderErrorFilter implements ExceptionFilter {
  catch(error: ReportRenderError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = res.locals.requestId as string | undefined;
    const status = reportRenderStatus(error.code);
    jsonLog({
      level: 'error',
      msg: 'report rendering failed',
      requestId,
      code: error.code,
      error: error.message,
    });
    if (status === 503) res.setHeader('Retry-After', '10');
    if (res.headersSent) return;
    res.status(status).json({
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    });
  }
}
