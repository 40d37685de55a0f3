import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../common/domain-error.js';
import type { ParsedTable } from './import.types.js';
import { readXlsxTable } from './xlsx-table.js';

/** What the worker answers: the table, or the refusal (a DomainError's parts) or failure. */
export type XlsxAnswer =
  { table: ParsedTable } | { code?: DomainError['code']; message: string; details?: unknown };

/** Reads one workbook (import-file.ts starts this worker per .xlsx upload, with its limits). */
async function answer(): Promise<XlsxAnswer> {
  try {
    return { table: await readXlsxTable((workerData as { bytes: Uint8Array }).bytes) };
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, message: error.message, details: error.details };
    return { message: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort) parentPort.postMessage(await answer());
