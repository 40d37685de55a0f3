import { setLogLevel, type LogLine } from '../src/common/request-context.js';

/**
 * What the API writes to its log (stdout, one JSON line each) while `fn` runs, at `level` and above; the
 * text as written, so a test can also check what must never appear in it.
 */
export async function captureLog<T>(
  level: LogLine['level'],
  fn: () => Promise<T>,
): Promise<{ result: T; text: string; lines: Record<string, unknown>[] }> {
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  setLogLevel(level);
  process.stdout.write = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  let result: T;
  try {
    result = await fn();
    await new Promise((resolve) => setImmediate(resolve)); // a request's line follows its response
  } finally {
    process.stdout.write = original;
    setLogLevel(process.env.LOG_LEVEL);
  }
  const text = written.join('');
  const lines = written.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { result, text, lines };
}
