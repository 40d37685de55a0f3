import type { EntityManager } from 'typeorm';
import { UNIT_CHANGES } from './import-plan.js';
import { LARGE_MOVE_M } from './import-positions.js';
import type { ImportProblem } from './import.types.js';

const address = (street: string, houseNumber: string): string =>
  `concat_ws(' ', ${street}, NULLIF(${houseNumber}, ''))`;

/**
 * Warnings on rows a commit would still write, for the city manager to check the file first
 * (`$1` the town, after planning): ADDRESS_TYPO, a reference or proximity match whose street is one typo from the
 * stored one (matching flags it: `address_typo`), which would replace the stored spelling — with both
 * spellings; LARGE_MOVE, a unit the row moves by more than LARGE_MOVE_M (a position within the file's
 * rounding is no move: import-positions.ts); NEAR_OTHER_NUMBER, a new unit beside a stored unit with
 * another house number. At most `limit` rows, by line.
 */
export async function listNotices(
  em: EntityManager,
  cityId: string,
  columns: { street: string | null; lat: string | null },
  limit: number,
): Promise<ImportProblem[]> {
  const rows = await em.query<
    { line: number; typo: boolean; stored: string; given: string; moved: number | null; point: string }[]
  >(
    `SELECT line, typo, stored, given, moved, point FROM (
       SELECT r.line, r.address_typo AS typo, ${address('s.street', 's.house_number')} AS stored,
              ${address('COALESCE(r.street, s.street)', 'COALESCE(r.house_number, s.house_number)')} AS given,
              CASE WHEN ${UNIT_CHANGES.location}
                   THEN round(ST_Distance(r.geom::geography, s.location::geography))::int END AS moved,
              ST_Y(r.geom) || ', ' || ST_X(r.geom) AS point
       FROM import_rows r JOIN storefronts s ON s.id = r.storefront_id AND s.city_id = $1
       WHERE r.action = 'update') x
     WHERE typo OR moved > $2
     ORDER BY line LIMIT ${limit}`,
    [cityId, LARGE_MOVE_M],
  );
  const notices = rows.flatMap((row): ImportProblem[] => [
    ...(row.typo
      ? [
          {
            line: row.line,
            column: columns.street,
            value: row.given,
            code: 'ADDRESS_TYPO' as const,
            severity: 'warning' as const,
            reason: `The street differs from the stored address „${row.stored}“ by one typo (a letter wrong, missing, added, or two swapped). The import would replace the stored spelling: check the file and correct it if it is a typo.`,
            params: { stored: row.stored },
          },
        ]
      : []),
    ...(row.moved !== null && row.moved > LARGE_MOVE_M
      ? [
          {
            line: row.line,
            column: columns.lat,
            value: row.point,
            code: 'LARGE_MOVE' as const,
            severity: 'warning' as const,
            reason: `The unit (${row.stored}) would move ${row.moved} m from its stored position: check the coordinates before committing.`,
            params: { stored: row.stored, distance: String(row.moved) },
          },
        ]
      : []),
  ]);
  const nearby = await listNewUnitsBesideOthers(em, cityId, columns.street, limit);
  return [...notices, ...nearby].sort((a, b) => a.line - b.line).slice(0, limit);
}

/**
 * NEAR_OTHER_NUMBER: a new unit within MATCH_DISTANCE_M of a stored unit of the same street with another
 * house number (`near_unit`, import-matching.ts) — a split („34a“ and „34b“ where „34“ was) or a
 * renumbering. Nothing stored is changed: the city manager ends or corrects the old unit.
 */
async function listNewUnitsBesideOthers(
  em: EntityManager,
  cityId: string,
  streetColumn: string | null,
  limit: number,
): Promise<ImportProblem[]> {
  const rows = await em.query<{ line: number; stored: string; given: string; distance: number }[]>(
    `SELECT r.line, ${address('s.street', 's.house_number')} AS stored,
            ${address('r.street', 'r.house_number')} AS given,
            round(ST_Distance(r.geom::geography, s.location::geography))::int AS distance
     FROM import_rows r JOIN storefronts s ON s.id = r.near_unit AND s.city_id = $1
     WHERE r.action = 'create'
     ORDER BY r.line LIMIT ${limit}`,
    [cityId],
  );
  return rows.map((row) => ({
    line: row.line,
    column: streetColumn,
    value: row.given,
    code: 'NEAR_OTHER_NUMBER' as const,
    severity: 'warning' as const,
    reason: `The row lies ${row.distance} m from ${row.stored}, which has another house number, and becomes a new unit. Was ${row.stored} split or renumbered? Then end its history or correct its address in the dashboard; the import changes nothing there.`,
    params: { stored: row.stored, distance: String(row.distance) },
  }));
}
