import type { EntityManager } from 'typeorm';
import { UNIT_CHANGES } from './import-plan.js';
import type { ImportChange, NewUnit } from './import.types.js';

/** At most this many changed units are listed in a dry run (the summary counts them all). */
export const MAX_LISTED_CHANGES = 1_000;

const change = (field: string, before: string, after: string): string =>
  `jsonb_build_object('field', '${field}', 'before', ${before}, 'after', ${after})`;
const address = (street: string, houseNumber: string): string =>
  `concat_ws(' ', ${street}, NULLIF(${houseNumber}, ''))`;
/** The field's change where the plan sees one (`UNIT_CHANGES`), else NULL (dropped from the list). */
const shown = (field: keyof typeof UNIT_CHANGES, before: string, after: string): string =>
  `CASE WHEN ${UNIT_CHANGES[field]} THEN ${change(field, before, after)} END`;

/**
 * A unit given by several rows (`r.multi`) whose planned history (`import_periods`, import-history-plan.ts)
 * ends in another status than its current one (`o`): its last status change is listed with its day, as
 * a single row's is, besides the note that the history grows.
 */
const LAST_STATUS_CHANGED = `(r.multi AND np.status IS NOT NULL AND np.status IS DISTINCT FROM o.status)`;

/**
 * What a dry run's plan would change on each existing unit, field by field with the stored and the new
 * value — so that a city manager sees before committing that „Aktualisiert 4“ means four new tenants,
 * not four addresses rewritten. The plan's own comparisons (`UNIT_CHANGES`); contact
 * values are not repeated, only that they change. Units given by several rows: that their history grows,
 * and their last status change with its day.
 */
export async function listChanges(em: EntityManager, cityId: string): Promise<ImportChange[]> {
  return em.query<ImportChange[]>(
    `SELECT r.line, s.id AS "storefrontId", ${address('s.street', 's.house_number')} AS address,
            to_char(COALESCE(r.change_date, CASE WHEN ${LAST_STATUS_CHANGED} THEN np.valid_from END), 'YYYY-MM-DD')
              AS "statusFrom",
            array_to_json(array_remove(ARRAY[
              ${shown(
                'address',
                address('s.street', 's.house_number'),
                address('COALESCE(r.street, s.street)', 'COALESCE(r.house_number, s.house_number)'),
              )},
              ${shown('postcode', 's.postcode', 'r.postcode')},
              ${shown('floorAreaM2', 's.floor_area_m2::text', 'r.floor_area_m2::numeric(9, 1)::text')},
              ${shown('frontageM', 's.frontage_m::text', 'r.frontage_m::numeric(6, 1)::text')},
              ${shown('floor', 's.floor', 'r.floor')},
              ${shown('referenceId', 's.reference_id', 'r.reference_id')},
              ${shown('notes', 's.notes', 'r.notes')},
              ${shown('location', 'NULL', 'round(ST_Distance(r.geom::geography, s.location::geography))::text')},
              CASE WHEN r.change_date IS NOT NULL AND r.new_status IS DISTINCT FROM o.status
                   THEN ${change('status', 'o.status', 'r.new_status')} END,
              CASE WHEN r.change_date IS NOT NULL AND r.new_category IS DISTINCT FROM o.use_category
                   THEN ${change('useCategory', 'o.use_category', 'r.new_category')} END,
              CASE WHEN r.change_date IS NOT NULL AND r.new_business IS DISTINCT FROM o.business_name
                   THEN ${change('businessName', 'o.business_name', 'r.new_business')} END,
              CASE WHEN ${LAST_STATUS_CHANGED} THEN ${change('status', 'o.status', 'np.status')} END,
              CASE WHEN r.multi THEN ${change('history', 'NULL', 'NULL')} END,
              ${shown('contact', 'NULL', 'NULL')}
            ], NULL)) AS fields
     FROM import_rows r
     JOIN storefronts s ON s.id = r.storefront_id AND s.city_id = $1
     LEFT JOIN occupancy_periods o ON o.id = r.cur_id AND o.city_id = $1
     LEFT JOIN storefront_contacts sc ON sc.storefront_id = r.storefront_id AND sc.city_id = $1
     LEFT JOIN LATERAL (SELECT p.status, p.valid_from FROM import_periods p
                        WHERE r.multi AND p.storefront_id = r.storefront_id AND p.valid_to IS NULL
                        ORDER BY p.valid_from DESC LIMIT 1) np ON true
     WHERE r.action = 'update'
     ORDER BY r.line
     LIMIT ${MAX_LISTED_CHANGES}`,
    [cityId],
  );
}

/**
 * The rows a dry run's plan would create units from, by line, with the file's address and status: „Neu
 * angelegt 3“ alone did not show that a corrected street typo was about to become a second unit.
 */
export async function listNewUnits(em: EntityManager): Promise<NewUnit[]> {
  return em.query<NewUnit[]>(
    `SELECT line, ${address('street', 'house_number')} AS address, status FROM import_rows
     WHERE action = 'create' ORDER BY line LIMIT ${MAX_LISTED_CHANGES}`,
  );
}
