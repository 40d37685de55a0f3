import type { EntityManager } from 'typeorm';
import type { ImportMapping, ImportOutcome, ImportProblem, ImportRow, ProblemCode } from './import.types.js';
import { locateAndMatch } from './import-matching.js';
import { planRows } from './import-plan.js';
import { stageRows } from './import-staging.js';
import { writePlannedRows, type ImportActor } from './import-writes.js';

/** At most this many problems are listed in one answer (the counts are always complete). */
export const MAX_LISTED_PROBLEMS = 10_000;

/**
 * One import inside one transaction: stage, locate, match, plan, and — unless it is a dry run or a
 * row was rejected without `skipInvalidRows` — write. The caller commits or rolls back.
 */
export async function runImport(
  em: EntityManager,
  input: {
    cityId: string;
    mapping: ImportMapping;
    rows: ImportRow[];
    total: number;
    rowProblems: ImportProblem[];
    actor: ImportActor;
    write: boolean;
    onProgress: (processed: number) => Promise<void>;
  },
): Promise<ImportOutcome & { written: boolean }> {
  const { cityId, mapping } = input;
  const skipped = input.total - input.rows.length;
  await stageRows(em, input.rows, (staged) => input.onProgress(skipped + Math.floor(staged * 0.8)));
  await locateAndMatch(em, cityId, {
    street: mapping.columns.street ?? mapping.columns.address ?? '',
    lat: mapping.columns.lat ?? mapping.columns.northing ?? mapping.columns.wkt ?? '',
    ref: mapping.columns.referenceId ?? '',
  });
  await planRows(em, mapping.referenceDate, {
    useCategory: mapping.columns.useCategory !== undefined,
    businessName: mapping.columns.businessName !== undefined,
    statusColumn: mapping.columns.status ?? null,
    sinceColumn: mapping.columns.statusSince ?? null,
    streetColumn: mapping.columns.street ?? mapping.columns.address ?? null,
  });
  const counts = await em.query<{ action: string; n: number }[]>(
    `SELECT action, count(*)::int AS n FROM import_rows GROUP BY action`,
  );
  const sqlProblems = await em.query<ImportProblem[]>(
    `SELECT line, problem_column AS column, problem_value AS value, problem AS reason, problem_code AS code,
            CASE WHEN problem_warning THEN 'warning' ELSE 'error' END AS severity
     FROM import_rows WHERE problem IS NOT NULL ORDER BY line LIMIT ${MAX_LISTED_PROBLEMS}`,
  );
  const n = (action: string): number => counts.find((c) => c.action === action)?.n ?? 0;
  const rejectedLines = new Set(input.rowProblems.filter((p) => p.severity === 'error').map((p) => p.line));
  const problems = [...input.rowProblems, ...sqlProblems].sort(
    (a, b) => a.line - b.line || codeOrder(a.code) - codeOrder(b.code),
  );
  const [ext] = await em.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM import_rows WHERE action = 'update' AND history_action IS NOT NULL`,
  );
  const summary = {
    total: input.total,
    created: n('create'),
    updated: n('update'),
    historyExtended: ext?.n ?? 0,
    unchanged: n('unchanged'),
    rejected: rejectedLines.size + n('rejected'),
    needsPlacing: n('needs_placing'),
  };
  const blocked = summary.rejected > 0 && !mapping.skipInvalidRows;
  if (input.write && !blocked) {
    await writePlannedRows(em, cityId, mapping.referenceDate, input.actor);
    await input.onProgress(input.total);
  }
  return { summary, problems: problems.slice(0, MAX_LISTED_PROBLEMS), written: input.write && !blocked };
}

const codeOrder = (code: ProblemCode): number => (code === 'CELL_COUNT' ? 0 : 1);
