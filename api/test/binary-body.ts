import type request from 'supertest';

/** supertest's `.parse()` for a body kept as raw bytes (tiles, workbooks, CSV with a byte order mark). */
export const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
