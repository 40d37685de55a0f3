import type { EntityManager } from 'typeorm';
import type { Period } from '../occupancy/occupancy-history.js';
import { planImportedHistory, type HistoryEvent } from './import-history.js';
import type { ProblemParams } from './import.types.js';

interface UnitHead {
  line: number;
  storefrontId: string | null;
  newId: string | null;
  action: string | null;
}

interface StoredRow extends Period {
  storefrontId: string;
}

/**
 * Plans the histories of units given by several rows (`import_rows.multi`, events in `import_events`)
 * with `planImportedHistory`, after matching and planRows. Problems go to the rows they concern; a unit
 * with a problem is rejected as a whole (its other rows are reported as well). The periods to write go
 * to `import_periods` (period_id null = insert); written by writeImportedHistories.
 */
export async function planImportedHistories(em: EntityManager): Promise<void> {
  await createPeriodsTable(em);
  // A unit rejected (or not placed) for its kept row: its other rows are not imported either.
  await em.query(
    `UPDATE import_events e SET problem_code = r.problem_code, problem_warning = r.problem_warning,
            problem = 'Not imported: line ' || r.line || ' of the same unit: ' || r.problem
     FROM import_rows r
     WHERE r.line = e.head_line AND e.line <> e.head_line AND r.problem IS NOT NULL
       AND e.problem IS NULL -- (a repeated row left out stays that: import-units.ts)`,
  );
  const heads = await em.query<UnitHead[]>(
    `SELECT line, storefront_id AS "storefrontId", new_id AS "newId", action FROM import_rows
     WHERE multi AND problem IS NULL AND action IN ('create', 'update', 'unchanged')`,
  );
  if (heads.length === 0) return;
  const events = await em.query<(HistoryEvent & { headLine: number })[]>(
    `SELECT e.line, e.head_line AS "headLine", to_char(e.day, 'YYYY-MM-DD') AS date, e.status,
            e.use_category AS "useCategory", e.business_name AS "businessName"
     FROM import_events e JOIN import_rows r ON r.line = e.head_line
     WHERE r.multi AND r.problem IS NULL AND e.status IS NOT NULL`,
  );
  const stored = await em.query<StoredRow[]>(
    `SELECT o.storefront_id AS "storefrontId", o.id, o.status, o.use_category AS "useCategory",
            o.business_name AS "businessName", to_char(o.valid_from, 'YYYY-MM-DD') AS "validFrom",
            to_char(o.valid_to, 'YYYY-MM-DD') AS "validTo", o.note
     FROM occupancy_periods o JOIN import_rows r ON r.storefront_id = o.storefront_id
     WHERE r.multi AND r.problem IS NULL
     ORDER BY o.storefront_id, o.valid_from`,
  );
  const eventsOf = groupBy(events, (e) => e.headLine);
  const storedOf = groupBy(stored, (p) => p.storefrontId);

  const problems: {
    line: number;
    code: string;
    reason: string;
    value: string;
    warning: boolean;
    params?: ProblemParams;
  }[] = [];
  const rejectedHeads: number[] = [];
  const changedHeads: number[] = [];
  const writes: { storefrontId: string; period: Period }[] = [];
  for (const head of heads) {
    const unitId = head.newId ?? head.storefrontId!;
    const before = (storedOf.get(head.storefrontId ?? '') ?? []).map(({ storefrontId: _, ...p }) => p);
    const unitEvents = eventsOf.get(head.line) ?? [];
    const plan = planImportedHistory(before, unitEvents);
    for (const d of plan.duplicates) {
      problems.push({
        line: d.line,
        code: 'DUPLICATE_IN_FILE',
        value: '',
        warning: true,
        params: { context: 'repeat', firstLine: String(d.of) },
        reason: `Repeats line ${d.of} of the same unit; left out.`,
      });
    }
    if (plan.problems.length) {
      const first = plan.problems[0]!;
      for (const p of plan.problems) problems.push({ ...p, warning: false });
      const flagged = new Set(plan.problems.map((p) => p.line));
      for (const e of unitEvents) {
        if (flagged.has(e.line) || plan.duplicates.some((d) => d.line === e.line)) continue;
        problems.push({
          line: e.line,
          code: first.code,
          value: '',
          warning: false,
          params: { otherLine: String(first.line) },
          reason: `Not imported: line ${first.line} of the same unit has a problem, and a history is imported whole or not at all.`,
        });
      }
      rejectedHeads.push(head.line);
      continue;
    }
    if (plan.inserted.length || plan.updated.length) changedHeads.push(head.line);
    for (const period of [...plan.inserted, ...plan.updated]) writes.push({ storefrontId: unitId, period });
  }

  if (problems.length) {
    await em.query(
      `UPDATE import_events e SET problem_code = p.code, problem = p.reason, problem_value = NULLIF(p.value, ''),
              problem_warning = p.warning, problem_params = p.params
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::json[])
            AS p(line, code, reason, value, warning, params)
       WHERE e.line = p.line`,
      [
        problems.map((p) => p.line),
        problems.map((p) => p.code),
        problems.map((p) => p.reason),
        problems.map((p) => p.value),
        problems.map((p) => p.warning),
        problems.map((p) => (p.params ? JSON.stringify(p.params) : null)),
      ],
    );
  }
  if (rejectedHeads.length) {
    // Every row of the unit, the kept one included, has its problem in import_events.
    await em.query(`UPDATE import_rows SET action = 'rejected' WHERE line = ANY($1::int[])`, [rejectedHeads]);
  }
  if (changedHeads.length) {
    await em.query(
      `UPDATE import_rows SET history_action = 'history',
              action = CASE WHEN action = 'create' THEN 'create' ELSE 'update' END
       WHERE line = ANY($1::int[])`,
      [changedHeads],
    );
  }
  for (let start = 0; start < writes.length; start += 20_000) {
    const batch = writes.slice(start, start + 20_000);
    await em.query(
      `INSERT INTO import_periods (storefront_id, period_id, status, use_category, business_name, valid_from, valid_to)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[])`,
      [
        batch.map((w) => w.storefrontId),
        batch.map((w) => w.period.id),
        batch.map((w) => w.period.status),
        batch.map((w) => w.period.useCategory),
        batch.map((w) => w.period.businessName),
        batch.map((w) => w.period.validFrom),
        batch.map((w) => w.period.validTo),
      ],
    );
  }
}

/** The periods to write for multi-row units (dropped at the end of the transaction). */
export async function createPeriodsTable(em: EntityManager): Promise<void> {
  await em.query(`
    CREATE TEMP TABLE import_periods (
      storefront_id uuid NOT NULL,
      period_id     uuid,
      status        text NOT NULL,
      use_category  text,
      business_name text,
      valid_from    date NOT NULL,
      valid_to      date
    ) ON COMMIT DROP`);
}

/** Writes the planned periods of multi-row units (inside the import's transaction, after the units exist). */
export async function writeImportedHistories(em: EntityManager, cityId: string): Promise<void> {
  await em.query(
    `UPDATE occupancy_periods o SET status = p.status, use_category = p.use_category, business_name = p.business_name,
            valid_from = p.valid_from, valid_to = p.valid_to
     FROM import_periods p WHERE o.id = p.period_id`,
  );
  await em.query(
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, business_name, valid_from, valid_to)
     SELECT storefront_id, $1, status, use_category, business_name, valid_from, valid_to
     FROM import_periods WHERE period_id IS NULL`,
    [cityId],
  );
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
