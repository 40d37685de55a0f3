import type { EntityManager } from 'typeorm';
import { analyzeStagedRows } from './import-staging.js';

/** Which optional columns the mapping has: an unmapped column never changes what is stored. */
export interface MappedColumns {
  useCategory: boolean;
  businessName: boolean;
  statusColumn: string | null;
  sinceColumn: string | null;
  streetColumn: string | null;
}

/** The file gives a value (an empty cell never changes anything) and it differs from the stored one. */
const differs = (file: string, stored: string): string =>
  `(${file} IS NOT NULL AND ${file} IS DISTINCT FROM ${stored})`;

/**
 * The file gives another address than the unit `s` has — not merely another spelling: „Brückenstr.“
 * for Brückenstraße, „BADERGASSE“, „2 A“ for 2a are the same address (`normalised_address`, by which
 * rows are matched too) and keep the stored spelling; each list would otherwise rewrite it.
 */
export const ADDRESS_CHANGED = `(
  (r.street IS NOT NULL OR r.house_number IS NOT NULL)
  AND normalised_address(COALESCE(r.street, s.street), COALESCE(r.house_number, s.house_number))
      <> normalised_address(s.street, s.house_number))`;

/**
 * What the staged row `r` changes on the unit `s` and its contacts `sc`, one condition per field: the
 * plan's `attr_changed` is any of them, the writes move a unit by `location`, and the dry run lists each
 * (import-preview.ts) — one definition, so the preview cannot say other than what the commit does.
 */
export const UNIT_CHANGES = {
  address: ADDRESS_CHANGED,
  postcode: differs('r.postcode', 's.postcode'),
  floorAreaM2: differs('r.floor_area_m2', 's.floor_area_m2'),
  frontageM: differs('r.frontage_m', 's.frontage_m'),
  floor: differs('r.floor', 's.floor'),
  referenceId: differs('r.reference_id', 's.reference_id'),
  notes: differs('r.notes', 's.notes'),
  // within a metre is the same place (coordinates rounded by a GIS or a spreadsheet)
  location: `(r.geom IS NOT NULL AND NOT r.geom ~= s.location
              AND NOT ST_DWithin(r.geom::geography, s.location::geography, 1))`,
  contact: `(${differs('r.owner_name', 'sc.owner_name')} OR ${differs('r.owner_phone', 'sc.owner_phone')}
             OR ${differs('r.owner_email', 'sc.owner_email')}
             OR ${differs('r.asking_rent', 'sc.asking_rent_eur_month')})`,
} as const;

/**
 * The facts of each staged row that is still without a problem, against the town's data (`$1`):
 * the unit it matched (`s`), that unit's contacts and its current period (`o`), what the file makes
 * of the current period, the day a status change takes effect (`$2` = the reference date) and
 * which of the row's problems applies. Every join names the town, so the planner reads the town's
 * units and periods only (with the whole table, a town's first import cost seconds at 5M units).
 */
const ROW_FACTS = `
  SELECT f.*,
         CASE WHEN f.storefront_id IS NULL THEN
                CASE WHEN f.geom IS NULL THEN 'needs_placing'
                     WHEN f.street IS NULL THEN 'no_street'
                     WHEN f.status IS NULL THEN 'no_status' END
              WHEN f.cur_id IS NULL AND f.status IS NOT NULL THEN 'no_current_status'
              WHEN f.change_date < f.cur_from THEN 'date_before_current' END AS kind
  FROM (
    SELECT m.*,
           CASE WHEN m.cur_id IS NOT NULL AND NOT m.multi
                 AND (m.cur_status, m.cur_category, m.cur_business)
                     IS DISTINCT FROM (m.new_status, m.new_category, m.new_business)
                THEN CASE WHEN m.new_status = m.cur_status
                           AND (m.cur_category IS NULL OR m.cur_category = m.new_category)
                           AND (m.cur_business IS NULL OR m.cur_business = m.new_business)
                          -- the file only fills in a use or business name not yet known: the current
                          -- period gains it (replaced on its first day), no new period splits it
                          THEN m.cur_from
                          WHEN m.new_status = m.cur_status AND m.status_since < m.cur_from
                          -- the status is the same and began earlier: the date is when it began (as
                          -- exported: „Status seit“), not when use or business changed — that is the list's day
                          THEN $2::date
                          ELSE COALESCE(m.status_since, $2::date) END END AS change_date
    FROM (
      SELECT r.line, r.storefront_id, r.geom, r.street, r.house_number, r.status, r.reference_id, r.multi,
             r.status_since, o.id AS cur_id, o.valid_from AS cur_from,
             o.status AS cur_status, o.use_category AS cur_category, o.business_name AS cur_business,
             CASE WHEN o.id IS NOT NULL THEN COALESCE(r.status, o.status) END AS new_status,
             CASE WHEN o.id IS NULL THEN NULL
                  WHEN $3::boolean AND r.status IS NOT NULL THEN r.use_category
                  WHEN COALESCE(r.status, o.status) = o.status THEN o.use_category END AS new_category,
             CASE WHEN o.id IS NULL THEN NULL
                  WHEN $4::boolean AND r.status IS NOT NULL THEN r.business_name
                  WHEN COALESCE(r.status, o.status) = o.status THEN o.business_name END AS new_business,
             s.id IS NOT NULL AND COALESCE(${Object.values(UNIT_CHANGES).join(' OR ')}, false)
               AS attr_changed
      FROM import_rows r
      LEFT JOIN storefronts s ON s.id = r.storefront_id AND s.city_id = $1
      LEFT JOIN storefront_contacts sc ON sc.storefront_id = r.storefront_id AND sc.city_id = $1
      LEFT JOIN occupancy_periods o ON o.city_id = $1 AND o.storefront_id = r.storefront_id AND o.valid_to IS NULL
      WHERE r.problem IS NULL) m) f`;

const day = (column: string): string => `to_char(${column}, 'DD.MM.YYYY')`;

/**
 * Decides per row what happens — create, update (attributes and/or history), unchanged, needs
 * placing, rejected — without writing anything yet, in one pass over the staged rows (each pass
 * rewrites every row of the wide staging table: nine UPDATEs cost 2–5 s at 100,000 rows).
 * Unmatched rows become new units when they can be placed and have a street and a status; matched
 * rows are compared with the unit and its current period (units given by several rows:
 * import-history-plan.ts). Rows that already have a problem were rejected while matching.
 */
export async function planRows(
  em: EntityManager,
  cityId: string,
  referenceDate: string,
  mapped: MappedColumns,
): Promise<void> {
  // A change date is reported in the column that gave it (else the status column).
  const sinceColumn = mapped.sinceColumn ?? mapped.statusColumn;
  await analyzeStagedRows(em); // matched or not: the plan of the next statement depends on it
  await em.query(
    `UPDATE import_rows r SET
       cur_id = d.cur_id, cur_from = d.cur_from,
       new_status = d.new_status, new_category = d.new_category, new_business = d.new_business,
       change_date = d.change_date,
       history_action = CASE WHEN d.kind IS NULL AND d.change_date IS NOT NULL
                             THEN CASE WHEN d.change_date = d.cur_from THEN 'replace' ELSE 'extend' END END,
       attr_changed = d.kind IS NULL AND d.attr_changed,
       new_id = CASE WHEN d.kind IS NULL AND d.storefront_id IS NULL THEN uuid_v7() END, -- time-ordered: TimeOrderedIds
       action = CASE WHEN d.kind = 'needs_placing' THEN 'needs_placing'
                     WHEN d.kind IS NOT NULL THEN 'rejected'
                     WHEN d.storefront_id IS NULL THEN 'create'
                     WHEN d.attr_changed OR d.change_date IS NOT NULL THEN 'update'
                     ELSE 'unchanged' END,
       problem_code = CASE d.kind WHEN 'needs_placing' THEN 'NEEDS_PLACING'
                                  WHEN 'no_street' THEN 'MISSING_VALUE'
                                  WHEN 'no_status' THEN 'MISSING_VALUE'
                                  WHEN 'no_current_status' THEN 'NO_CURRENT_STATUS'
                                  WHEN 'date_before_current' THEN 'DATE_BEFORE_CURRENT' END,
       problem_warning = COALESCE(d.kind = 'needs_placing', false),
       problem_column = CASE d.kind WHEN 'no_street' THEN $5
                                    WHEN 'no_status' THEN $6
                                    WHEN 'no_current_status' THEN $6
                                    WHEN 'date_before_current' THEN $7 END,
       problem_value = CASE d.kind WHEN 'needs_placing' THEN concat_ws(' ', d.street, d.house_number)
                                   WHEN 'no_street' THEN d.reference_id
                                   WHEN 'no_current_status' THEN d.status
                                   WHEN 'date_before_current' THEN ${day('d.change_date')} END,
       problem_params = CASE d.kind WHEN 'date_before_current' THEN json_build_object('since', ${day('d.cur_from')}) END,
       problem = CASE d.kind
         WHEN 'needs_placing' THEN 'No coordinates and no existing unit at this address: not imported. Add coordinates or place the unit on the map.'
         WHEN 'no_street' THEN 'No unit with this reference id exists yet, and a new unit needs a street.'
         WHEN 'no_status' THEN 'A new unit needs a status (e.g. Leerstand or belegt).'
         WHEN 'no_current_status' THEN 'The unit’s history has ended (no current status); correct it in the dashboard first.'
         WHEN 'date_before_current' THEN 'The status would change on ' || ${day('d.change_date')}
           || ', before the current status began (' || ${day('d.cur_from')}
           || '). Correct the history in the dashboard or give a later date.' END
     FROM (${ROW_FACTS}) d
     WHERE r.line = d.line`,
    [
      cityId,
      referenceDate,
      mapped.useCategory,
      mapped.businessName,
      mapped.streetColumn,
      mapped.statusColumn,
      sinceColumn,
    ],
  );
}
