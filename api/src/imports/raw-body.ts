import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';

/**
 * Reads an uploaded file sent as the raw request body, whatever its content type (the global JSON
 * parser leaves these routes alone: app.factory.ts, UPLOAD_ROUTE). No multipart: the dashboard sends
 * the File object as the body, which also works with curl --data-binary.
 */
export async function readUpload(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  if (size === 0)
    throw new DomainError('VALIDATION_FAILED', 'The upload is empty: send the file as the request body.', {
      reason: 'empty_upload',
    });
  return Buffer.concat(chunks);
}

const tooLarge = (maxBytes: number): DomainError =>
  new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, {
    maxBytes,
  });
