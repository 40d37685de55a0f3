import type { EntityManager } from 'typeorm';
import { createPeriodsTable } from './import-history-plan.js';
import { analyzeStagedRows, createStagingTable } from './import-staging.js';
import type { ImportMapping, ImportOutcome } from './import.types.js';

/**
 * Changes whenever planning decides differently for the same file, mapping and data (a plan kept by
 * an older build is then planned again instead of being written).
 */
export const PLAN_FORMAT = 4; // 3: rounded positions kept, address typos matched; 4: proximity needs the house number, repeats left out

/** The columns of `import_rows` a commit writes from (migration FasterImportCommit, `import_plan_rows`). */
const ROW_COLUMNS = [
  'line',
  'reference_id',
  'street',
  'house_number',
  'postcode',
  'floor_area_m2',
  'frontage_m',
  'floor',
  'status',
  'use_category',
  'business_name',
  'status_since',
  'notes',
  'owner_name',
  'owner_phone',
  'owner_email',
  'asking_rent',
  'geom',
  'multi',
  'storefront_id',
  'new_id',
  'cur_id',
  'new_status',
  'new_category',
  'new_business',
  'change_date',
  'history_action',
  'action',
].join(', ');
const PERIOD_COLUMNS = 'storefront_id, period_id, status, use_category, business_name, valid_from, valid_to';

/**
 * The town's data version (`import_data_versions`, moved by every statement that changes the town's
 * units, periods, contacts or the town itself). With `lock`, the town's write lock and version row are held until
 * the transaction ends: no writer of the town commits between this read and the import's writes.
 */
export async function townDataVersion(em: EntityManager, cityId: string, lock: boolean): Promise<string> {
  // The town's write lock first (docs/data-model.md), as every writer takes it before the version row:
  // locking the row first could deadlock with a writer of the town holding the lock and waiting for the row.
  if (lock) await em.query(`SELECT lock_town_writes(ARRAY[$1::uuid])`, [cityId]);
  const [row] = await em.query<{ version: string }[]>(
    lock
      ? `INSERT INTO import_data_versions (city_id, version) VALUES ($1, 0)
         ON CONFLICT (city_id) DO UPDATE SET version = import_data_versions.version
         RETURNING version::text`
      : `SELECT COALESCE((SELECT version FROM import_data_versions WHERE city_id = $1), 0)::text AS version`,
    [cityId],
  );
  return row!.version;
}

/**
 * Keeps a dry run's plan for the commit: what it answered, the rows to write (creates and updates)
 * and the periods of multi-row histories, with the data version it was planned against and the
 * mapping it used. Replaces an earlier plan of the upload. Runs in the dry run's transaction, after
 * planning, from its temporary tables.
 */
export async function savePlan(
  em: EntityManager,
  plan: {
    importId: string;
    cityId: string;
    dataVersion: string;
    mapping: ImportMapping;
    outcome: ImportOutcome;
  },
): Promise<void> {
  // Two dry runs of one upload at once (a double click): the second waits here and then replaces the
  // first's plan, instead of failing on the upload's one plan.
  await em.query(`SELECT 1 FROM imports WHERE id = $1 FOR NO KEY UPDATE`, [plan.importId]);
  await dropPlan(em, plan.importId);
  const [saved] = await em.query<{ id: string }[]>(
    `INSERT INTO import_plans (id, import_id, city_id, format, data_version, mapping, outcome)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      plan.importId,
      plan.cityId,
      PLAN_FORMAT,
      plan.dataVersion,
      JSON.stringify(plan.mapping),
      JSON.stringify(plan.outcome),
    ],
  );
  await em.query(
    `INSERT INTO import_plan_rows (plan_id, city_id, ${ROW_COLUMNS})
     SELECT $1, $2, ${ROW_COLUMNS} FROM import_rows WHERE action IN ('create', 'update')`,
    [saved!.id, plan.cityId],
  );
  await em.query(
    `INSERT INTO import_plan_periods (plan_id, city_id, ${PERIOD_COLUMNS})
     SELECT $1, $2, ${PERIOD_COLUMNS} FROM import_periods`,
    [saved!.id, plan.cityId],
  );
}

/**
 * The kept plan of this upload, when it was made by this build with this mapping against the town's
 * current data (`dataVersion`, read under lock by the caller); its rows and periods are then back
 * in the temporary tables the writes read, and the answer is the dry run's. Null: plan again.
 */
export async function restorePlan(
  em: EntityManager,
  importId: string,
  mapping: ImportMapping,
  dataVersion: string,
): Promise<ImportOutcome | null> {
  const [plan] = await em.query<{ id: string; outcome: ImportOutcome }[]>(
    `SELECT id, outcome FROM import_plans
     WHERE import_id = $1 AND format = $2 AND data_version = $3 AND mapping = $4::jsonb`,
    [importId, PLAN_FORMAT, dataVersion, JSON.stringify(mapping)],
  );
  if (!plan) return null;
  await createStagingTable(em);
  await createPeriodsTable(em);
  await em.query(
    `INSERT INTO import_rows (${ROW_COLUMNS}) SELECT ${ROW_COLUMNS} FROM import_plan_rows WHERE plan_id = $1`,
    [plan.id],
  );
  await em.query(
    `INSERT INTO import_periods (${PERIOD_COLUMNS}) SELECT ${PERIOD_COLUMNS} FROM import_plan_periods WHERE plan_id = $1`,
    [plan.id],
  );
  await analyzeStagedRows(em);
  return plan.outcome;
}

/** Whether the upload has a kept plan at all (one cheap look before taking the town's lock). */
export async function hasPlan(em: EntityManager, importId: string): Promise<boolean> {
  const rows = await em.query<unknown[]>(`SELECT 1 FROM import_plans WHERE import_id = $1`, [importId]);
  return rows.length > 0;
}

/** Forgets the upload's plan (a new dry run, a new mapping, or the plan was written). */
export async function dropPlan(em: Pick<EntityManager, 'query'>, importId: string): Promise<void> {
  // Plans of expired uploads go as well (an upload that was tried but never committed).
  await dropPlansOf(em, `SELECT $1::uuid UNION ALL SELECT id FROM imports WHERE expires_at <= now()`, [
    importId,
  ]);
}

/**
 * Deletes the kept plans of the uploads that the query `importIds` yields, with their rows and
 * periods (the row tables have no foreign keys: FasterImportCommit).
 */
export async function dropPlansOf(
  em: Pick<EntityManager, 'query'>,
  importIds: string,
  params: unknown[] = [],
): Promise<void> {
  await em.query(
    `WITH gone AS (DELETE FROM import_plans WHERE import_id IN (${importIds}) RETURNING id),
          gone_rows AS (DELETE FROM import_plan_rows WHERE plan_id IN (SELECT id FROM gone))
     DELETE FROM import_plan_periods WHERE plan_id IN (SELECT id FROM gone)`,
    params,
  );
}
