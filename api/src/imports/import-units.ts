import type { EntityManager } from 'typeorm';

/** Columns that describe the unit itself (not its status): the newest filled value of a unit's rows wins. */
const UNIT_COLUMNS = [
  'reference_id',
  'street',
  'house_number',
  'postcode',
  'floor_area_m2',
  'frontage_m',
  'floor',
  'notes',
  'owner_name',
  'owner_phone',
  'owner_email',
  'asking_rent',
] as const;

/**
 * Groups the staged rows by unit — the town's reference id, else the normalised address — so that a
 * file may give a unit's history as several rows. Every row of a group with more than one row becomes
 * a status event in `import_events`; the group keeps one row in `import_rows` (its newest, by status
 * date, then line), completed with the newest filled value of every other column, and flagged `multi`.
 * Matching, attributes and the summary then work per unit; the history of `multi` units is planned
 * from their events (import-history-plan.ts). `$1` is the list's reference date.
 */
export async function groupRowsByUnit(em: EntityManager, referenceDate: string): Promise<void> {
  await em.query(`
    CREATE TEMP TABLE import_events (
      line            integer PRIMARY KEY,
      head_line       integer NOT NULL,
      day             date NOT NULL,
      status          text,
      use_category    text,
      business_name   text,
      problem_code    text,
      problem         text,
      problem_value   text,
      problem_params  json,
      problem_warning boolean NOT NULL DEFAULT false
    ) ON COMMIT DROP`);
  await leaveOutRepeatedRows(em);
  await em.query(
    // Rows without a reference id are one unit's history by address — by address and floor where the
    // file names several floors at one address (ground and upper floor of one house are two units).
    `WITH addressed AS (
       SELECT line, reference_id, normalised_address(street, house_number) AS address, floor,
              COALESCE(status_since, $1::date) AS day, status
       FROM import_rows),
     floors AS (
       SELECT address, count(DISTINCT floor) AS floors FROM addressed WHERE reference_id IS NULL GROUP BY address),
     keyed AS (
       SELECT a.line, a.day, a.status,
              COALESCE('r:' || a.reference_id,
                       'a:' || a.address || CASE WHEN f.floors > 1 THEN '|' || COALESCE(a.floor, '') ELSE '' END) AS unit_key
       FROM addressed a LEFT JOIN floors f USING (address)),
     grouped AS (
       SELECT line, day, count(*) OVER w AS n,
              first_value(line) OVER (w ORDER BY (status IS NOT NULL) DESC, day DESC, line DESC) AS head_line
       FROM keyed WHERE unit_key IS NOT NULL
       WINDOW w AS (PARTITION BY unit_key))
     INSERT INTO import_events (line, head_line, day, status, use_category, business_name)
     SELECT g.line, g.head_line, g.day, r.status, r.use_category, r.business_name
     FROM grouped g JOIN import_rows r USING (line) WHERE g.n > 1`,
    [referenceDate],
  );
  // Coordinates travel together (x, y and their system from the same row).
  await em.query(`
    UPDATE import_rows r SET multi = true, ${UNIT_COLUMNS.map((c) => `${c} = u.${c}`).join(', ')},
           x = u.x, y = u.y, srid = u.srid, coord_decimals = u.coord_decimals, geom = u.geom
    FROM (
      SELECT e.head_line, ${UNIT_COLUMNS.map((c) => `(array_agg(o.${c} ORDER BY e.day DESC, e.line DESC) FILTER (WHERE o.${c} IS NOT NULL))[1] AS ${c}`).join(', ')},
             (array_agg(o.x ORDER BY e.day DESC, e.line DESC) FILTER (WHERE o.x IS NOT NULL))[1] AS x,
             (array_agg(o.y ORDER BY e.day DESC, e.line DESC) FILTER (WHERE o.x IS NOT NULL))[1] AS y,
             (array_agg(o.srid ORDER BY e.day DESC, e.line DESC) FILTER (WHERE o.x IS NOT NULL))[1] AS srid,
             (array_agg(o.coord_decimals ORDER BY e.day DESC, e.line DESC) FILTER (WHERE o.x IS NOT NULL))[1] AS coord_decimals,
             (array_agg(o.geom ORDER BY e.day DESC, e.line DESC) FILTER (WHERE o.x IS NOT NULL))[1] AS geom
      FROM import_events e JOIN import_rows o ON o.line = e.line
      GROUP BY e.head_line) u
    WHERE r.line = u.head_line`);
  await em.query(
    `DELETE FROM import_rows r USING import_events e WHERE e.line = r.line AND e.line <> e.head_line`,
  );
}

/**
 * A row repeating an earlier row word for word (every mapped value the same; a list copied together
 * twice) is left out before grouping, as a DUPLICATE_IN_FILE warning (`repeat`) in `import_events`
 * (head_line = the row it repeats, so no history plan reads it): it does not make its unit one of
 * several rows, so the dry run explains the unit's change under the first line, status and date
 * included, instead of a generic history entry under the repeat.
 */
async function leaveOutRepeatedRows(em: EntityManager): Promise<void> {
  await em.query(
    // Whole rows are compared only where a cheap key repeats: to_jsonb of every row took 3.5 s at
    // 100,000 rows, this 0.2 s.
    `WITH keyed AS (
       SELECT line, count(*) OVER (PARTITION BY reference_id, street, house_number, status_since) AS n
       FROM import_rows),
     repeats AS (
       SELECT r.line, min(r.line) OVER (PARTITION BY to_jsonb(r) - 'line') AS first
       FROM import_rows r JOIN keyed k ON k.line = r.line AND k.n > 1),
     left_out AS (
       INSERT INTO import_events (line, head_line, day, problem_code, problem, problem_value, problem_params, problem_warning)
       SELECT line, first, CURRENT_DATE, 'DUPLICATE_IN_FILE', 'Repeats line ' || first || ' of the same unit; left out.',
              '', json_build_object('context', 'repeat', 'firstLine', first::text), true
       FROM repeats WHERE line <> first
       RETURNING line)
     DELETE FROM import_rows r USING left_out l WHERE r.line = l.line`,
  );
}
