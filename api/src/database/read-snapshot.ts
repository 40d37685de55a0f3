import type { DataSource, QueryRunner } from 'typeorm';
import { allowLongRunning } from './session-limits.js';

/** Rows per FETCH of a server-side cursor: a few MB of a storefront export at a time. */
export const CURSOR_BATCH_ROWS = 5_000;

/**
 * Reads that all see the same data: one REPEATABLE READ READ ONLY transaction on a connection of its
 * own (a count and the rows it counted, a workbook's two sheets). A snapshot may be read for as long as
 * a download takes: its statements, and the pauses while the client takes the last batch, are limited by
 * `longRunningMs` (0 = no limit; session-limits.ts), not by the ordinary request's limits. A client that
 * stops reading is cut off by the download's own stall limit (exports/export-download.ts) first.
 */
export interface ReadSnapshot {
  /** Explicit SQL with positional parameters, all rows back. */
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  /**
   * The rows in batches of `batchSize`, through a server-side cursor (DECLARE … FETCH, no extra
   * package): the query's own order, only one batch in the API's memory. Only non-empty batches are
   * yielded; the cursor is closed when the last batch has been read or the consumer stops early.
   */
  batches<T>(sql: string, params: unknown[], batchSize?: number): AsyncGenerator<T[]>;
}

/** Runs `work` in a snapshot of its own; the transaction ends (and the connection goes back) with it. */
export async function inReadSnapshot<T>(
  db: DataSource,
  longRunningMs: number,
  work: (snapshot: ReadSnapshot) => Promise<T>,
): Promise<T> {
  const runner = await openSnapshot(db, longRunningMs);
  try {
    return await work(snapshotOf(runner));
  } finally {
    await closeSnapshot(runner);
  }
}

/**
 * The rows of `sql` in batches, in a snapshot of their own: consistent however long the consumer
 * takes between batches. The connection stays checked out until the last batch has been read or the
 * consumer stops early (`return()`, e.g. `break` in `for await`); then the transaction is closed and
 * the connection goes back to the pool.
 */
export async function* cursorBatches<T>(
  db: DataSource,
  longRunningMs: number,
  sql: string,
  params: unknown[],
  batchSize = CURSOR_BATCH_ROWS,
): AsyncGenerator<T[]> {
  const runner = await openSnapshot(db, longRunningMs);
  try {
    yield* snapshotOf(runner).batches<T>(sql, params, batchSize);
  } finally {
    await closeSnapshot(runner);
  }
}

function snapshotOf(runner: QueryRunner): ReadSnapshot {
  let cursors = 0;
  return {
    query: <T>(sql: string, params: unknown[]) => runner.query(sql, params) as Promise<T[]>,
    async *batches<T>(sql: string, params: unknown[], batchSize = CURSOR_BATCH_ROWS): AsyncGenerator<T[]> {
      const cursor = `batches_${++cursors}`;
      // Every row will be read: plan for the whole result, as the plain query would be (the default
      // of 0.1 favours plans that are quick to the first rows).
      await runner.query(`SET LOCAL cursor_tuple_fraction = 1.0`);
      await runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
      let open = true;
      try {
        while (open) {
          const rows = (await runner.query(`FETCH ${batchSize} FROM ${cursor}`)) as T[];
          open = rows.length === batchSize;
          if (rows.length) yield rows;
        }
      } finally {
        // An early stop leaves the cursor open; after a failure the transaction is over anyway.
        await runner.query(`CLOSE ${cursor}`).catch(() => undefined);
      }
    },
  };
}

async function openSnapshot(db: DataSource, longRunningMs: number): Promise<QueryRunner> {
  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(`SET TRANSACTION READ ONLY`);
    await allowLongRunning(runner, longRunningMs);
    return runner;
  } catch (error) {
    await closeSnapshot(runner);
    throw error;
  }
}

/**
 * Ends the (read-only) transaction and gives the connection back. When the connection broke (the
 * database went away mid-export) the rollback fails, which changes nothing, and the pool drops the
 * connection instead of reusing it (pg-pool does not keep a client that can no longer be queried).
 */
async function closeSnapshot(runner: QueryRunner): Promise<void> {
  try {
    if (runner.isTransactionActive && !runner.isReleased) await runner.rollbackTransaction();
  } catch {
    // nothing to undo: the transaction only read
  } finally {
    await runner.release();
  }
}
