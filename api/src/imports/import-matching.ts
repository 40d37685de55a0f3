import type { EntityManager } from 'typeorm';
import { ADDRESS_CHANGED } from './import-plan.js';
import { ROUNDED_FROM_STORED } from './import-positions.js';
import { oneTypoApart } from './import-vocabulary.js';

/** Metres within which an imported point is taken to be an existing unit (when nothing else matched). */
export const MATCH_DISTANCE_M = 3;
/** Candidates an AMBIGUOUS_MATCH names (by address and reference id), the nearest first. */
const MAX_NAMED_CANDIDATES = 5;
/** Metres a unit matched by its reference id may lie from the row's point when the address differs too. */
export const REFERENCE_MOVE_M = 50;

/**
 * The row `r` names the address of the one unit `n` near its point: the same house number (as normalised,
 * „46 a“ = „46a“) and the same street — each unless the row leaves it empty.
 */
const SAME_ADDRESS_AS_NEAR = `(
  (r.house_number IS NULL OR normalised_address('', r.house_number) = normalised_address('', n.first_number))
  AND (r.street IS NULL OR normalised_address(r.street, '') = normalised_address(n.first_street, '')))`;

/** A row problem found while matching: the row is rejected with a code and a reason. */
const flag = (code: string, reason: string, column: string, value: string, params = 'NULL'): string =>
  `problem_code = '${code}', problem = ${reason}, problem_column = ${column}, problem_value = ${value},
   problem_params = ${params}, problem_warning = false, action = 'rejected'`;

/**
 * Checks the rows' points (transformed in PostGIS while staging) and matches them to the town's units: by the
 * town's reference id (unless the row names another place: REFERENCE_CONFLICT), else by normalised address
 * when exactly one unit has it, else by proximity when exactly one unit lies within 3 m (several:
 * AMBIGUOUS_MATCH) and the row names no other street (one typo apart: ADDRESS_TYPO) and no other house
 * number (a new unit beside it: NEAR_OTHER_NUMBER).
 * `$1` is the town in every statement.
 */
export async function locateAndMatch(
  em: EntityManager,
  cityId: string,
  columns: { street: string; lat: string; ref: string },
): Promise<void> {
  const q = (sql: string, params: unknown[] = [cityId]) => em.query(sql, params);
  await q(
    `UPDATE import_rows r SET ${flag('OUTSIDE_TOWN', `'The point lies outside the town’s municipal boundary (' || round(ST_Y(r.geom)::numeric, 5) || ' N, ' || round(ST_X(r.geom)::numeric, 5) || ' E): wrong coordinate system or swapped columns?'`, '$2', 'ST_AsText(r.geom)')}
     FROM cities c WHERE c.id = $1 AND r.geom IS NOT NULL AND c.boundary IS NOT NULL AND NOT ST_Intersects(c.boundary, r.geom)`,
    [cityId, columns.lat],
  );
  await q(
    `UPDATE import_rows r SET ${flag('DUPLICATE_IN_FILE', `'The reference id appears already in line ' || d.first || '.'`, '$1', 'r.reference_id', `json_build_object('context', 'sameReference', 'firstLine', d.first::text)`)}
     FROM (SELECT line, min(line) OVER (PARTITION BY reference_id) AS first FROM import_rows
           WHERE reference_id IS NOT NULL AND problem IS NULL) d
     WHERE d.line = r.line AND d.line <> d.first`,
    [columns.ref],
  );
  await q(
    `UPDATE import_rows r SET storefront_id = s.id, matched_by = 'reference'
     FROM storefronts s WHERE s.city_id = $1 AND s.reference_id = r.reference_id AND r.problem IS NULL`,
  );
  // A reference match that names another place is no match: a running number or a reused id („1“ is
  // now Badergasse 22) would move and rewrite the wrong unit. Another spelling, another house number on
  // the same street, a street one typo from the stored one, or a point within 50 m (a corrected
  // address) or within the file's rounding of the stored position still match.
  const { conflicts, typos } = await referenceAddressChanges(em, cityId);
  if (typos.length) {
    await q(`UPDATE import_rows SET address_typo = true WHERE line = ANY ($1::int[])`, [typos]);
  }
  if (conflicts.length) {
    await q(
      `UPDATE import_rows r SET storefront_id = NULL, matched_by = NULL,
         ${flag(
           'REFERENCE_CONFLICT',
           `'The reference id ' || r.reference_id || ' belongs to ' || concat_ws(' ', s.street, NULLIF(s.house_number, ''))
            || CASE WHEN r.geom IS NOT NULL
                    THEN ', ' || round(ST_Distance(r.geom::geography, s.location::geography)) || ' m away' ELSE '' END
            || ', not to ' || concat_ws(' ', r.street, r.house_number)
            || '. Is the column a running number? Else correct the unit in the dashboard first.'`,
           '$2',
           `r.reference_id || ' = ' || concat_ws(' ', s.street, NULLIF(s.house_number, ''))`,
         )}
       FROM storefronts s
       WHERE r.line = ANY ($3::int[]) AND s.id = r.storefront_id AND s.city_id = $1`,
      [cityId, columns.ref, conflicts],
    );
  }
  // By address: the one unit with it — of the row's floor when the row names one (an EG row is not the
  // stored OG unit of the house: it is a new unit, never an overwritten restaurant upstairs).
  await q(
    `UPDATE import_rows r SET storefront_id = m.id, matched_by = 'address'
     FROM (SELECT normalised_address(street, house_number) AS key, floor, count(*) AS n,
                  sum(count(*)) OVER (PARTITION BY normalised_address(street, house_number)) AS at_address,
                  (array_agg(id))[1] AS id, (array_agg(reference_id))[1] AS reference_id
           FROM storefronts
           WHERE city_id = $1 -- (an InitPlan: the town's addresses are normalised only when a row needs them)
             AND EXISTS (SELECT 1 FROM import_rows WHERE storefront_id IS NULL AND problem IS NULL AND street IS NOT NULL)
           GROUP BY 1, 2) m
     WHERE r.storefront_id IS NULL AND r.problem IS NULL AND r.street IS NOT NULL
       AND normalised_address(r.street, r.house_number) = m.key
       AND CASE WHEN r.floor IS NULL THEN m.at_address = 1 ELSE m.floor = r.floor AND m.n = 1 END
       AND (r.reference_id IS NULL OR m.reference_id IS NULL)`,
  );
  // Proximity only decides when the point names one unit: two shops at one point (ground and upper
  // floor of one house) are AMBIGUOUS_MATCH, never the nearer one — unless the row's floor names one of
  // them (a row naming a floor no unit there has is a new unit); a row naming another street or another
  // house number than the one unit there is not that unit (a new unit; `near_unit` keeps that unit for
  // matchNearbyTypos: a street typo is matched, another house number warned about). The && prefilter uses the GiST index: 0.0001° is ≥ 6 m
  // in either direction below 70° N (3 m is 0.000047° of longitude at 55° N), small enough that a dense
  // town yields few candidates per row. ST_DWithin on geography then measures metres. The candidates
  // are read once for both updates (disjoint rows of one statement).
  await q(
    `WITH near AS MATERIALIZED (
       SELECT r.line, n.first_id, n.first_street, n.first_number, n.addresses, n.candidates
       FROM import_rows r
       CROSS JOIN LATERAL (
         SELECT (array_agg(c.id ORDER BY c.distance, c.id))[1] AS first_id,
                (array_agg(c.street ORDER BY c.distance, c.id))[1] AS first_street,
                (array_agg(c.house_number ORDER BY c.distance, c.id))[1] AS first_number,
                array_to_string((array_agg(c.address ORDER BY c.distance, c.id))[1:${MAX_NAMED_CANDIDATES}], '; ')
                  || CASE WHEN count(*) > ${MAX_NAMED_CANDIDATES} THEN '; …' ELSE '' END AS addresses,
                count(*)::int AS candidates
         FROM (SELECT s.id, s.street, s.house_number, s.location <-> r.geom AS distance,
                      concat_ws(' ', s.street, NULLIF(s.house_number, '')) || COALESCE(' (' || s.reference_id || ')', '') AS address
               FROM storefronts s
               WHERE s.city_id = $1 AND s.location && ST_Expand(r.geom, 0.0001)
                 AND ST_DWithin(s.location::geography, r.geom::geography, $2)
                 AND (r.reference_id IS NULL OR s.reference_id IS NULL)
                 AND (r.floor IS NULL OR s.floor = r.floor)
               ORDER BY s.location <-> r.geom LIMIT ${MAX_NAMED_CANDIDATES + 1}) c
       ) n
       WHERE r.storefront_id IS NULL AND r.geom IS NOT NULL AND r.problem IS NULL AND n.candidates > 0
         AND EXISTS (SELECT 1 FROM storefronts WHERE city_id = $1) -- a town's first import probes nothing
     ),
     ambiguous AS (
       UPDATE import_rows r SET ${flag(
         'AMBIGUOUS_MATCH',
         `CASE WHEN n.candidates > ${MAX_NAMED_CANDIDATES} THEN 'More than ${MAX_NAMED_CANDIDATES}' ELSE n.candidates::text END
          || ' units lie within ${MATCH_DISTANCE_M} m of this point (' || n.addresses
          || '), so the point cannot tell which one the row means. Give the town’s reference id in the row, its floor, or an address only one of them has.'`,
         '$3',
         'n.addresses',
       )}
       FROM near n WHERE r.line = n.line AND n.candidates > 1)
     UPDATE import_rows r
     SET storefront_id = CASE WHEN ${SAME_ADDRESS_AS_NEAR} THEN n.first_id END,
         matched_by = CASE WHEN ${SAME_ADDRESS_AS_NEAR} THEN 'proximity' END,
         near_unit = CASE WHEN NOT ${SAME_ADDRESS_AS_NEAR} THEN n.first_id END
     FROM near n
     WHERE r.line = n.line AND n.candidates = 1`,
    [cityId, MATCH_DISTANCE_M, columns.lat],
  );
  await matchNearbyTypos(em, cityId);
  await q(
    `UPDATE import_rows r SET storefront_id = NULL, ${flag('DUPLICATE_IN_FILE', `'Line ' || d.first || ' describes the same unit (matched by ' || r.matched_by || ').'`, '$1', 'r.street', `json_build_object('context', 'sameUnit', 'firstLine', d.first::text)`)}
     FROM (SELECT line, min(line) OVER (PARTITION BY storefront_id) AS first FROM import_rows
           WHERE storefront_id IS NOT NULL AND problem IS NULL) d
     WHERE d.line = r.line AND d.line <> d.first`,
    [columns.street],
  );
}

/** Letters a street needs for a one-letter difference to count as a typo (as words of the vocabulary). */
const TYPO_MIN_LETTERS = 6;

/** Two streets (`normalised_address(street, '')` keys) one typo apart, both of six letters or more. */
function isStreetTypo(fileStreet: string, storedStreet: string): boolean {
  return (
    Math.min(fileStreet.length, storedStreet.length) > TYPO_MIN_LETTERS && // (keys end in „|“)
    oneTypoApart(fileStreet, storedStreet)
  );
}

/**
 * The rows proximity left unmatched beside exactly one unit (`near_unit`): one with the unit's house
 * number and a street one typo from its street („Görmarstraße“ at the stored „Görmarstrase 12a“) is
 * that unit — matched, and warned about (ADDRESS_TYPO) as a reference match is, since the file's
 * spelling replaces the stored one. One with another house number on the same street (or one typo
 * from it) is a new unit — a split („34a“, „34b“ where „34“ was) or a renumbering, which the city
 * manager decides: it keeps `near_unit` for the NEAR_OTHER_NUMBER warning (import-notices.ts). One
 * naming another street is a new unit without a warning (a corner house's other address).
 */
async function matchNearbyTypos(em: EntityManager, cityId: string): Promise<void> {
  const rows = await em.query<
    { line: number; fileStreet: string | null; storedStreet: string; sameNumber: boolean }[]
  >(
    `SELECT r.line, normalised_address(r.street, '') AS "fileStreet",
            normalised_address(s.street, '') AS "storedStreet",
            r.house_number IS NULL
              OR normalised_address('', r.house_number) = normalised_address('', s.house_number) AS "sameNumber"
     FROM import_rows r JOIN storefronts s ON s.id = r.near_unit AND s.city_id = $1
     WHERE r.street IS NOT NULL`,
    [cityId],
  );
  const typos: number[] = [];
  const otherStreets: number[] = [];
  for (const row of rows) {
    const sameStreet = row.fileStreet === row.storedStreet;
    const typo = !sameStreet && row.fileStreet !== null && isStreetTypo(row.fileStreet, row.storedStreet);
    if (typo && row.sameNumber) typos.push(row.line);
    else if (!sameStreet && !typo) otherStreets.push(row.line);
  }
  await em.query(
    `UPDATE import_rows SET storefront_id = near_unit, matched_by = 'proximity', address_typo = true, near_unit = NULL
     WHERE line = ANY ($1::int[])`,
    [typos],
  );
  await em.query(`UPDATE import_rows SET near_unit = NULL WHERE line = ANY ($1::int[])`, [otherStreets]);
}

/**
 * The staged rows matched by reference id whose address differs from the unit's (`ADDRESS_CHANGED`):
 * `typos`, whose street is one typo from the stored one („Bahnhofstrase“, „Bahnhfostraße“; compared as
 * `normalised_address` keys, with the same house number) — the same street, so they match, and the dry
 * run warns (ADDRESS_TYPO) before the typo replaces the stored spelling; `conflicts`, the others that
 * name another place: another street without coordinates, or a point more than REFERENCE_MOVE_M from
 * the stored one and not within the file's rounding of it. Another house number is no typo: „13“ →
 * „13a“ is a correction.
 */
async function referenceAddressChanges(
  em: EntityManager,
  cityId: string,
): Promise<{ conflicts: number[]; typos: number[] }> {
  const rows = await em.query<
    { line: number; fileStreet: string; storedStreet: string; sameNumber: boolean; elsewhere: boolean }[]
  >(
    `SELECT r.line, normalised_address(r.street, '') AS "fileStreet",
            normalised_address(s.street, '') AS "storedStreet",
            normalised_address(s.street, COALESCE(r.house_number, s.house_number))
              = normalised_address(s.street, s.house_number) AS "sameNumber",
            CASE WHEN r.geom IS NULL THEN normalised_address(r.street, '') <> normalised_address(s.street, '')
                 ELSE NOT (ST_DWithin(r.geom::geography, s.location::geography, ${REFERENCE_MOVE_M})
                           OR ${ROUNDED_FROM_STORED}) END AS elsewhere
     FROM import_rows r JOIN storefronts s ON s.id = r.storefront_id AND s.city_id = $1
     WHERE r.matched_by = 'reference' AND r.street IS NOT NULL AND ${ADDRESS_CHANGED}`,
    [cityId],
  );
  const conflicts: number[] = [];
  const typos: number[] = [];
  for (const row of rows) {
    const typo = row.sameNumber && isStreetTypo(row.fileStreet, row.storedStreet);
    if (typo) typos.push(row.line);
    else if (row.elsewhere) conflicts.push(row.line);
  }
  return { conflicts, typos };
}
