import type { DatabaseLimits } from '../config/app-config.js';

/**
 * Time limits of the API's database sessions (docs/operations.md, "Database time limits").
 *
 * Every connection of both pools starts with `statement_timeout` (a runaway query, or one stuck
 * behind a lock, is cancelled: 504 QUERY_TIMEOUT) and `idle_in_transaction_session_timeout` (a
 * transaction left open while nothing happens ends with its session, so it cannot hold a pool
 * connection and its locks forever). They are startup options rather than pg's own settings, so that
 * 0 is sent too and means "no limit" whatever the role's or database's defaults say.
 *
 * The transactions that legitimately run long — an import's dry run and commit, a counter file's
 * counts, an export's snapshot (read while the client downloads) — raise both for themselves with
 * `allowLongRunning` (SET LOCAL: it ends with the transaction, the pooled connection keeps the
 * ordinary limits). Migrations, seeds and the scripts in db/ use their own connections without any
 * limit (db/data-source.ts).
 */
export function sessionOptions(limits: DatabaseLimits, ...more: string[]): string {
  return [
    ...more,
    `-c statement_timeout=${limits.statementTimeoutMs}`,
    `-c idle_in_transaction_session_timeout=${limits.idleInTransactionTimeoutMs}`,
  ].join(' ');
}

/** A transaction's EntityManager or QueryRunner. */
interface InTransaction {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * For the rest of the current transaction only: `limitMs` (0 = none) for each statement and for the
 * pauses between them. Call it first in the transaction; outside one it would change nothing.
 */
export async function allowLongRunning(tx: InTransaction, limitMs: number): Promise<void> {
  // set_config(…, true) is SET LOCAL, with the value as a parameter.
  await tx.query(
    `SELECT set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $1, true)`,
    [String(limitMs)],
  );
}
