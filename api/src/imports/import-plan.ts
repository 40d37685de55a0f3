import type { EntityManager } from 'typeorm';

/** Which optional columns the mapping has: an unmapped column never changes what is stored. */
export interface MappedColumns {
  useCategory: boolean;
  businessName: boolean;
  statusColumn: string | null;
  sinceColumn: string | null;
  streetColumn: string | null;
}

/**
 * Decides per row what happens — create, update (attributes and/or history), unchanged,
 * needs placing, rejected — without writing anything yet. `$1` is the town, `$2` the reference date.
 */
export async function planRows(
  em: EntityManager,
  referenceDate: string,
  mapped: MappedColumns,
): Promise<void> {
  const q = (sql: string, params: unknown[]) => em.query(sql, params);
  // Unmatched rows become new units when they can be placed and have a street and a status.
  await q(
    `UPDATE import_rows SET action = 'needs_placing', problem_code = 'NEEDS_PLACING', problem_warning = true,
       problem_column = NULL, problem_value = concat_ws(' ', street, house_number),
       problem = 'No coordinates and no existing unit at this address: not imported. Add coordinates or place the unit on the map.'
     WHERE storefront_id IS NULL AND problem IS NULL AND geom IS NULL`,
    [],
  );
  await q(
    `UPDATE import_rows SET problem_code = 'MISSING_VALUE', problem_column = $1, problem_value = reference_id,
       problem = 'No unit with this reference id exists yet, and a new unit needs a street.'
     WHERE storefront_id IS NULL AND problem IS NULL AND street IS NULL`,
    [mapped.streetColumn],
  );
  await q(
    `UPDATE import_rows SET problem_code = 'MISSING_VALUE', problem_column = $1, problem_value = NULL,
       problem = 'A new unit needs a status (e.g. Leerstand or belegt).'
     WHERE storefront_id IS NULL AND problem IS NULL AND status IS NULL`,
    [mapped.statusColumn],
  );
  await q(
    `UPDATE import_rows SET action = 'create', new_id = gen_random_uuid() WHERE storefront_id IS NULL AND problem IS NULL`,
    [],
  );

  // Matched rows: the status the file gives, against the current period (units given by several rows:
  // import-history-plan.ts).
  await q(
    `UPDATE import_rows r SET cur_id = o.id, cur_from = o.valid_from,
       new_status = COALESCE(r.status, o.status),
       new_category = CASE WHEN $1::boolean AND r.status IS NOT NULL THEN r.use_category
                           WHEN COALESCE(r.status, o.status) = o.status THEN o.use_category END,
       new_business = CASE WHEN $2::boolean AND r.status IS NOT NULL THEN r.business_name
                           WHEN COALESCE(r.status, o.status) = o.status THEN o.business_name END
     FROM occupancy_periods o
     WHERE o.storefront_id = r.storefront_id AND o.valid_to IS NULL AND r.problem IS NULL`,
    [mapped.useCategory, mapped.businessName],
  );
  await q(
    `UPDATE import_rows SET problem_code = 'NO_CURRENT_STATUS', problem_column = $1, problem_value = status,
       problem = 'The unit’s history has ended (no current status); correct it in the dashboard first.'
     WHERE storefront_id IS NOT NULL AND problem IS NULL AND cur_id IS NULL AND status IS NOT NULL`,
    [mapped.statusColumn],
  );
  await q(
    `UPDATE import_rows r SET change_date = COALESCE(r.status_since, $1::date)
     FROM occupancy_periods o
     WHERE o.id = r.cur_id AND r.problem IS NULL AND NOT r.multi
       AND (o.status, o.use_category, o.business_name) IS DISTINCT FROM (r.new_status, r.new_category, r.new_business)`,
    [referenceDate],
  );
  await q(
    `UPDATE import_rows SET problem_code = 'DATE_BEFORE_CURRENT', problem_column = $1, problem_value = to_char(change_date, 'DD.MM.YYYY'),
       problem = 'The status would change on ' || to_char(change_date, 'DD.MM.YYYY') || ', before the current status began ('
                 || to_char(cur_from, 'DD.MM.YYYY') || '). Correct the history in the dashboard or give a later date.'
     WHERE change_date IS NOT NULL AND change_date < cur_from AND problem IS NULL`,
    [mapped.sinceColumn ?? mapped.statusColumn],
  );
  await q(
    `UPDATE import_rows SET history_action = CASE WHEN change_date = cur_from THEN 'replace' ELSE 'extend' END
     WHERE change_date IS NOT NULL AND problem IS NULL`,
    [],
  );
  // Attributes: a filled cell that differs from the stored value (empty cells never erase anything);
  // decided with the row's action in one pass over the matched rows. A point moved by less than 1 m is
  // unchanged; `~=` (same bounding box, i.e. the same point to float4 precision, well under 1 m) spares the
  // geodesic distance for the usual case of a list giving the stored coordinates again.
  await q(
    `UPDATE import_rows r SET attr_changed = c.changed,
       action = CASE WHEN c.changed OR r.history_action IS NOT NULL THEN 'update' ELSE 'unchanged' END
     FROM (
       SELECT r2.line, COALESCE(
         (r2.street IS NOT NULL AND r2.street <> s.street) OR
         (r2.house_number IS NOT NULL AND r2.house_number <> s.house_number) OR
         (r2.postcode IS NOT NULL AND r2.postcode IS DISTINCT FROM s.postcode) OR
         (r2.floor_area_m2 IS NOT NULL AND r2.floor_area_m2 IS DISTINCT FROM s.floor_area_m2) OR
         (r2.frontage_m IS NOT NULL AND r2.frontage_m IS DISTINCT FROM s.frontage_m) OR
         (r2.floor IS NOT NULL AND r2.floor <> s.floor) OR
         (r2.reference_id IS NOT NULL AND r2.reference_id IS DISTINCT FROM s.reference_id) OR
         (r2.notes IS NOT NULL AND r2.notes IS DISTINCT FROM s.notes) OR
         (r2.geom IS NOT NULL AND NOT r2.geom ~= s.location AND NOT ST_DWithin(r2.geom::geography, s.location::geography, 1)) OR
         (r2.owner_name IS NOT NULL AND r2.owner_name IS DISTINCT FROM sc.owner_name) OR
         (r2.owner_phone IS NOT NULL AND r2.owner_phone IS DISTINCT FROM sc.owner_phone) OR
         (r2.owner_email IS NOT NULL AND r2.owner_email IS DISTINCT FROM sc.owner_email) OR
         (r2.asking_rent IS NOT NULL AND r2.asking_rent IS DISTINCT FROM sc.asking_rent_eur_month), false) AS changed
       FROM import_rows r2 JOIN storefronts s ON s.id = r2.storefront_id
       LEFT JOIN storefront_contacts sc ON sc.storefront_id = s.id
       WHERE r2.problem IS NULL) c
     WHERE c.line = r.line`,
    [],
  );
  await q(`UPDATE import_rows SET action = 'rejected' WHERE problem IS NOT NULL AND NOT problem_warning`, []);
}
