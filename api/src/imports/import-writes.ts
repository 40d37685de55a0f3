import type { EntityManager } from 'typeorm';
import { writeImportedHistories } from './import-history-plan.js';
import { ADDRESS_CHANGED, UNIT_CHANGES } from './import-plan.js';
import { analyzeStagedRows } from './import-staging.js';

/**
 * `column = ANY (ARRAY(SELECT keys))`: rows of a large table looked up by key, one index probe each,
 * whatever the planner estimates. Joined by key alone, PostgreSQL chose merge joins along the primary
 * key, reading every row whose id sorts before the last one needed — at L 228,000 periods from disk for
 * next year's 25,000 updates (9–34 s; now ≈ 3.7 s with the triggers) and 132,000 storefronts for 31,250.
 */
const byKeys = (column: string, keys: string): string => `${column} = ANY (ARRAY(SELECT ${keys}))`;
const UPDATED_UNITS = byKeys('s.id', `storefront_id FROM import_rows WHERE action = 'update'`);

/** Who imported: goes to the audit trail with every unit the import created or changed. */
export interface ImportActor {
  importId: string;
  userId: string | null;
  userEmail: string | null;
  requestId: string | null;
}

/**
 * The unit `s` as the audit trail records it (no contact values: only that contact fields were
 * imported), as `json` (migration AuditSnapshotsAsJson); `more`: further `'key', value` pairs.
 */
export const unitSnapshot = (more = ''): string => `json_build_object(
  'id', s.id, 'street', s.street, 'houseNumber', s.house_number, 'postcode', s.postcode,
  'location', ST_AsGeoJSON(s.location, 7)::json, 'floorAreaM2', s.floor_area_m2, 'frontageM', s.frontage_m,
  'floor', s.floor, 'referenceId', s.reference_id, 'notes', s.notes, 'version', s.version,
  'current', (SELECT json_build_object('status', o.status, 'useCategory', o.use_category,
                'businessName', o.business_name, 'validFrom', o.valid_from)
              FROM occupancy_periods o WHERE o.storefront_id = s.id AND o.valid_to IS NULL)${more})`;

/**
 * Writes the planned rows, set-based: new units and their first period, changed attributes,
 * extended histories, contacts, and one audit record per created or updated unit. Runs inside the
 * caller's transaction; the history constraints (no overlap, no gap) are checked at commit. New units
 * get their perimeter flag here, in one pass (the database verifies it per statement: migration
 * FasterImportChecks), instead of from the per-row trigger.
 */
export async function writePlannedRows(
  em: EntityManager,
  cityId: string,
  referenceDate: string,
  actor: ImportActor,
  onProgress: (share: number) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  // `share`: the statement's share of the writing time (measured with 100,000 new units, S, fifth
  // session: storefronts 0.26, periods 0.36, audit rows 0.26 …; the shares add up to 1): the progress bar.
  let done = 0;
  const q = async (share: number, sql: string, params: unknown[] = [cityId]): Promise<void> => {
    await em.query(sql, params);
    done += share;
    await onProgress(Math.min(1, done));
  };
  await q(
    0.01,
    `UPDATE import_rows r SET before = ${unitSnapshot()} FROM storefronts s
     WHERE ${UPDATED_UNITS} AND s.id = r.storefront_id AND r.action = 'update'`,
    [],
  );
  // Planning rewrote every staged row (and this statement the updated ones): fresh statistics, so that the
  // writes below join the rows they change by key. With stale ones PostgreSQL hash-joined the audit rows
  // of next year's list against every storefront (L: 8.9 s instead of 1.3 s).
  await analyzeStagedRows(em);
  await q(
    0.26,
    `INSERT INTO storefronts (id, city_id, street, house_number, postcode, location, floor_area_m2, frontage_m, floor,
                              reference_id, notes, inside_perimeter)
     SELECT r.new_id, $1, r.street, COALESCE(r.house_number, ''), r.postcode, r.geom, r.floor_area_m2, r.frontage_m,
            COALESCE(r.floor, 'ground'), r.reference_id, r.notes, COALESCE(ST_Intersects(c.perimeter, r.geom), false)
     FROM import_rows r JOIN cities c ON c.id = $1 WHERE r.action = 'create' ORDER BY r.new_id`,
  );
  await q(
    0.36,
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, business_name, valid_from)
     SELECT new_id, $1, status, use_category, business_name, COALESCE(status_since, $2::date)
     FROM import_rows WHERE action = 'create' AND NOT multi ORDER BY new_id`,
    [cityId, referenceDate],
  );
  await q(
    0.02,
    `UPDATE storefronts s SET
       street = CASE WHEN ${ADDRESS_CHANGED} THEN COALESCE(r.street, s.street) ELSE s.street END,
       house_number = CASE WHEN ${ADDRESS_CHANGED} THEN COALESCE(r.house_number, s.house_number) ELSE s.house_number END,
       postcode = COALESCE(r.postcode, s.postcode), floor_area_m2 = COALESCE(r.floor_area_m2, s.floor_area_m2),
       frontage_m = COALESCE(r.frontage_m, s.frontage_m), floor = COALESCE(r.floor, s.floor),
       reference_id = COALESCE(r.reference_id, s.reference_id), notes = COALESCE(r.notes, s.notes),
       location = CASE WHEN ${UNIT_CHANGES.location} THEN r.geom ELSE s.location END,
       version = s.version + 1
     FROM import_rows r WHERE ${UPDATED_UNITS} AND r.storefront_id = s.id AND r.action = 'update'`,
    [],
  );
  await q(
    0.01,
    `UPDATE occupancy_periods o SET status = r.new_status, use_category = r.new_category, business_name = r.new_business
     FROM import_rows r
     WHERE ${byKeys('o.id', `cur_id FROM import_rows WHERE action = 'update' AND history_action = 'replace'`)}
       AND o.id = r.cur_id AND r.action = 'update' AND r.history_action = 'replace'`,
    [],
  );
  await q(
    0.01,
    `UPDATE occupancy_periods o SET valid_to = r.change_date
     FROM import_rows r
     WHERE ${byKeys('o.id', `cur_id FROM import_rows WHERE action = 'update' AND history_action = 'extend'`)}
       AND o.id = r.cur_id AND r.action = 'update' AND r.history_action = 'extend'`,
    [],
  );
  await q(
    0.01,
    `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, business_name, valid_from)
     SELECT storefront_id, $1, new_status, new_category, new_business, change_date
     FROM import_rows WHERE action = 'update' AND history_action = 'extend'`,
  );
  await writeImportedHistories(em, cityId);
  done += 0.02;
  await q(
    0.02,
    `INSERT INTO storefront_contacts (storefront_id, city_id, owner_name, owner_phone, owner_email, asking_rent_eur_month)
     SELECT COALESCE(new_id, storefront_id), $1, owner_name, owner_phone, owner_email, asking_rent
     FROM import_rows
     WHERE action IN ('create', 'update')
       AND (owner_name IS NOT NULL OR owner_phone IS NOT NULL OR owner_email IS NOT NULL OR asking_rent IS NOT NULL)
     ON CONFLICT (storefront_id) DO UPDATE SET
       owner_name = COALESCE(EXCLUDED.owner_name, storefront_contacts.owner_name),
       owner_phone = COALESCE(EXCLUDED.owner_phone, storefront_contacts.owner_phone),
       owner_email = COALESCE(EXCLUDED.owner_email, storefront_contacts.owner_email),
       asking_rent_eur_month = COALESCE(EXCLUDED.asking_rent_eur_month, storefront_contacts.asking_rent_eur_month)`,
  );
  const importNote = `, 'import', json_build_object('id', $4::text, 'line', r.line,
      'contactFieldsImported', (r.owner_name IS NOT NULL OR r.owner_phone IS NOT NULL
                                OR r.owner_email IS NOT NULL OR r.asking_rent IS NOT NULL))`;
  // New units of one row: the snapshot from the staged row (what was just inserted, the same as
  // unitSnapshot would read back), without looking up 100,000 units and their periods again.
  await q(
    0.26,
    `INSERT INTO audit_log (user_id, user_email, city_id, entity_type, entity_id, action, before, after, request_id)
     SELECT $2::uuid, $3::text, $1::uuid, 'storefront', r.new_id, 'create', NULL,
            ${createdSnapshot(`$6::date`, importNote)}, $5::text
     FROM import_rows r WHERE r.action = 'create' AND NOT r.multi`,
    [cityId, actor.userId, actor.userEmail, actor.importId, actor.requestId, referenceDate],
  );
  await q(
    0.02,
    `INSERT INTO audit_log (user_id, user_email, city_id, entity_type, entity_id, action, before, after, request_id)
     SELECT $2::uuid, $3::text, $1::uuid, 'storefront', s.id, r.action, r.before, ${unitSnapshot(importNote)}, $5::text
     FROM import_rows r JOIN storefronts s ON s.id = COALESCE(r.new_id, r.storefront_id)
     WHERE ${byKeys('s.id', `COALESCE(new_id, storefront_id) FROM import_rows WHERE action = 'update' OR (action = 'create' AND multi)`)}
       AND (r.action = 'update' OR (r.action = 'create' AND r.multi))`,
    [cityId, actor.userId, actor.userEmail, actor.importId, actor.requestId],
  );
}

/** unitSnapshot of a unit created from the staged row `r` (same keys, types and rounding as stored). */
const createdSnapshot = (referenceDate: string, more: string): string => `json_build_object(
  'id', r.new_id, 'street', r.street, 'houseNumber', COALESCE(r.house_number, ''), 'postcode', r.postcode,
  'location', ST_AsGeoJSON(r.geom, 7)::json, 'floorAreaM2', r.floor_area_m2::numeric(9, 1),
  'frontageM', r.frontage_m::numeric(6, 1), 'floor', COALESCE(r.floor, 'ground'), 'referenceId', r.reference_id,
  'notes', r.notes, 'version', 1,
  'current', json_build_object('status', r.status, 'useCategory', r.use_category,
                'businessName', r.business_name, 'validFrom', COALESCE(r.status_since, ${referenceDate}))${more})`;
