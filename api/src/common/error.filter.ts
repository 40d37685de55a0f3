import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorCode } from './domain-error.js';
import { httpStatusOf } from './http-status.js';
import { translatePgError } from './pg-errors.js';
import { jsonLog } from './request-context.js';

interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId?: string;
}

/** The one place that turns any thrown thing into `{ code, message, details }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    writeError(host.switchToHttp().getResponse<Response>(), exception);
  }
}

/** Also used by plain Express middleware (body parsing) that runs before Nest's filters. */
export function writeError(res: Response, exception: unknown): void {
  const requestId = res.locals.requestId as string | undefined;
  const error = toDomainError(exception);
  const status = httpStatusOf(error.code);
  if (status >= 500) {
    jsonLog({
      level: 'error',
      // a statement the database cancelled at its limit is expected now and then, not a bug
      msg: error.code === 'QUERY_TIMEOUT' ? 'query timeout' : 'unhandled error',
      requestId,
      code: error.code,
      error: exception instanceof Error ? exception.stack : String(exception),
    });
  }
  const body: ErrorBody = { code: error.code, message: error.message };
  if (error.details !== undefined) body.details = error.details;
  if (status >= 500) body.requestId = requestId;
  if (status === 503) res.setHeader('Retry-After', '5');
  if (!res.headersSent) res.status(status).json(body);
}

function toDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  const fromDb = translatePgError(exception);
  if (fromDb) return fromDb;
  if (exception instanceof HttpException) return fromHttpException(exception);
  const bodyParser = exception as { type?: string; status?: number };
  if (bodyParser.type === 'entity.too.large') {
    return new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  }
  if (bodyParser.type === 'charset.unsupported' || bodyParser.type === 'encoding.unsupported') {
    return new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      bodyParser.type === 'charset.unsupported'
        ? 'Send the request body as JSON in UTF-8 (Content-Type: application/json).'
        : 'The request body’s Content-Encoding is not supported: send it uncompressed, or gzip, deflate or br.',
    );
  }
  if (bodyParser.type === 'entity.parse.failed' || bodyParser.status === 400) {
    return new DomainError('VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
  return new DomainError(
    'INTERNAL',
    'Something went wrong on our side. Please quote the request id when reporting it.',
  );
}

function fromHttpException(e: HttpException): DomainError {
  const status = e.getStatus();
  if (status === 404) return new DomainError('NOT_FOUND', 'There is nothing at this address.');
  if (status === 413) return new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (status >= 400 && status < 500) {
    const response = e.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String(response.message)
        : e.message;
    return new DomainError('VALIDATION_FAILED', message);
  }
  return new DomainError(
    'INTERNAL',
    'Something went wrong on our side. Please quote the request id when reporting it.',
  );
}
