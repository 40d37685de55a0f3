import type { EntityManager } from 'typeorm';
import type {
  ImportMapping,
  ImportOutcome,
  ImportProblem,
  ImportRow,
  ProblemCode,
  ProblemParams,
} from './import.types.js';
import { planImportedHistories } from './import-history-plan.js';
import { locateAndMatch } from './import-matching.js';
import { listNotices } from './import-notices.js';
import { planRows } from './import-plan.js';
import { keepRoundedPositions } from './import-positions.js';
import { stageRows } from './import-staging.js';
import { groupRowsByUnit } from './import-units.js';
import { writePlannedRows, type ImportActor } from './import-writes.js';

/** At most this many problems are listed in one answer (the counts are always complete). */
export const MAX_LISTED_PROBLEMS = 10_000;

/**
 * Share of a commit's work done after each phase (measured on 100,000 new units, docs/import-export.md):
 * the progress bar moves with the work, not with the rows read. Writing dominates. A commit that
 * reuses its dry run's plan starts at `planned`.
 */
export const DONE_AFTER = { staged: 0.1, grouped: 0.13, matched: 0.2, planned: 0.26, written: 0.97 } as const;

/** What planning decided, plus whether the import may be written (nothing rejected, or skipping allowed). */
export type PlannedImport = ImportOutcome & { writable: boolean };

/**
 * Plans one import inside the caller's transaction — stage, group rows by unit, locate, match, plan —
 * and answers the summary and problems; the plan is left in the temporary tables for writePlan.
 */
export async function planImport(
  em: EntityManager,
  input: {
    cityId: string;
    mapping: ImportMapping;
    rows: ImportRow[];
    total: number;
    rowProblems: ImportProblem[];
    /** Called with the share of a commit's work done (0–1) after each phase. */
    onProgress: (share: number) => Promise<void>;
  },
): Promise<PlannedImport> {
  const { cityId, mapping } = input;
  const progress = input.onProgress;
  await stageRows(em, input.rows, (staged) => progress((DONE_AFTER.staged * staged) / input.rows.length));
  await groupRowsByUnit(em, mapping.referenceDate);
  await progress(DONE_AFTER.grouped);
  await locateAndMatch(em, cityId, {
    street: mapping.columns.street ?? mapping.columns.address ?? '',
    lat: mapping.columns.lat ?? mapping.columns.northing ?? mapping.columns.wkt ?? '',
    ref: mapping.columns.referenceId ?? '',
  });
  await keepRoundedPositions(em, cityId);
  await progress(DONE_AFTER.matched);
  await planRows(em, cityId, mapping.referenceDate, {
    useCategory: mapping.columns.useCategory !== undefined,
    businessName: mapping.columns.businessName !== undefined,
    statusColumn: mapping.columns.status ?? null,
    sinceColumn: mapping.columns.statusSince ?? null,
    streetColumn: mapping.columns.street ?? mapping.columns.address ?? null,
  });
  await planImportedHistories(em);
  await progress(DONE_AFTER.planned);

  const [counts] = await em.query<Record<string, number>[]>(
    `SELECT count(*) FILTER (WHERE action = 'create')::int AS created,
            count(*) FILTER (WHERE action = 'update')::int AS updated,
            count(*) FILTER (WHERE action = 'update' AND history_action IS NOT NULL)::int AS "historyExtended",
            count(*) FILTER (WHERE action = 'unchanged')::int AS unchanged,
            count(*) FILTER (WHERE action = 'needs_placing')::int AS "needsPlacing",
            count(*) FILTER (WHERE position_kept AND action IN ('update', 'unchanged'))::int AS "roundedPositions",
            (SELECT count(*)::int FROM (SELECT line FROM import_rows WHERE action = 'rejected'
                                        UNION SELECT line FROM import_events WHERE problem IS NOT NULL AND NOT problem_warning) x)
              AS rejected
     FROM import_rows`,
  );
  const historyColumn = mapping.columns.statusSince ?? mapping.columns.status ?? null;
  const stored = await em.query<(Omit<ImportProblem, 'params'> & { params: ProblemParams | null })[]>(
    `SELECT line, problem_column AS column, problem_value AS value, problem AS reason, problem_code AS code,
            CASE WHEN problem_warning THEN 'warning' ELSE 'error' END AS severity, problem_params AS params
     FROM import_rows WHERE problem IS NOT NULL
     UNION ALL
     SELECT line, $1::text, problem_value, problem, problem_code, CASE WHEN problem_warning THEN 'warning' ELSE 'error' END,
            problem_params
     FROM import_events WHERE problem IS NOT NULL
     ORDER BY line LIMIT ${MAX_LISTED_PROBLEMS}`,
    [historyColumn],
  );
  const sqlProblems: ImportProblem[] = stored.map(({ params, ...p }) => (params ? { ...p, params } : p));
  const notices = await listNotices(
    em,
    cityId,
    {
      street: mapping.columns.street ?? mapping.columns.address ?? null,
      lat: mapping.columns.lat ?? mapping.columns.northing ?? mapping.columns.wkt ?? null,
    },
    MAX_LISTED_PROBLEMS,
  );
  const n = (key: string): number => counts?.[key] ?? 0;
  const rejectedLines = new Set(input.rowProblems.filter((p) => p.severity === 'error').map((p) => p.line));
  const problems = [...input.rowProblems, ...sqlProblems, ...notices].sort(
    (a, b) => a.line - b.line || codeOrder(a.code) - codeOrder(b.code),
  );
  const summary = {
    total: input.total,
    created: n('created'),
    updated: n('updated'),
    historyExtended: n('historyExtended'),
    unchanged: n('unchanged'),
    rejected: rejectedLines.size + n('rejected'),
    needsPlacing: n('needsPlacing'),
    roundedPositions: n('roundedPositions'),
  };
  return {
    summary,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    writable: isWritable(summary, mapping),
  };
}

/** An import may be written when no row is rejected, or when the mapping says to skip rejected rows. */
export function isWritable(
  summary: ImportOutcome['summary'],
  mapping: Pick<ImportMapping, 'skipInvalidRows'>,
): boolean {
  return summary.rejected === 0 || mapping.skipInvalidRows;
}

/** Writes the plan in the temporary tables (planImport's, or a dry run's restored plan). */
export async function writePlan(
  em: EntityManager,
  cityId: string,
  referenceDate: string,
  actor: ImportActor,
  onProgress: (share: number) => Promise<void>,
): Promise<void> {
  await writePlannedRows(em, cityId, referenceDate, actor, (share) =>
    onProgress(DONE_AFTER.planned + (DONE_AFTER.written - DONE_AFTER.planned) * share),
  );
}

const codeOrder = (code: ProblemCode): number => (code === 'CELL_COUNT' ? 0 : 1);
