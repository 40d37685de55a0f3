import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coarser level of the low-zoom tile grid (AddTileGrid): `tile_grid_coarse` holds, per town and
 * cell of a zoom-7 tile (32 per tile edge, 8 × 8 fine cells of `tile_grid_cells`), the fine cells'
 * sums, the latest `computed_on` and the earliest `stale_from`. A tile of zoom 5–7 sums 64 × fewer
 * rows (z5 over Germany: ≈ 5,000 fine cells → ≈ 100), with the same counts and the same validity
 * (every fine cell valid on a date ⇔ latest computed_on ≤ date < earliest stale_from).
 *
 * Kept exact by statement triggers on `tile_grid_cells` (every path that changes the fine grid —
 * recount at commit, rebuild, a town's deletion — deletes and inserts fine rows), and rebuilt with
 * the fine grid by `tile_grid_rebuild()`.
 */
const STATUSES = ['occupied', 'vacant', 'temporary_use', 'under_renovation', 'not_lettable', 'demolished'];

/** Fine cells per coarse cell edge: 2^(10 − 7). */
const SHIFT = 3;

/** Recomputes the coarse cells that hold the fine cells of `rows` (a transition table, or all). */
const REFRESH = (rows: string | null): string => {
  const touched = rows
    ? `(SELECT DISTINCT city_id, ix >> ${SHIFT} AS cx, iy >> ${SHIFT} AS cy FROM ${rows})`
    : undefined;
  return `
    DELETE FROM tile_grid_coarse g ${touched ? `USING ${touched} t WHERE g.city_id = t.city_id AND g.cx = t.cx AND g.cy = t.cy` : ''};
    INSERT INTO tile_grid_coarse
    SELECT f.city_id, f.ix >> ${SHIFT}, f.iy >> ${SHIFT},
           ${STATUSES.map((st) => `sum(f.${st})::int`).join(', ')},
           max(f.computed_on), min(f.stale_from)
    FROM tile_grid_cells f
    ${
      touched
        ? `JOIN ${touched} t ON f.city_id = t.city_id
         AND f.ix BETWEEN t.cx << ${SHIFT} AND (t.cx << ${SHIFT}) + ${2 ** SHIFT - 1}
         AND f.iy BETWEEN t.cy << ${SHIFT} AND (t.cy << ${SHIFT}) + ${2 ** SHIFT - 1}`
        : ''
    }
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3;`;
};

export class CoarseTileGrid1764800000000 implements MigrationInterface {
  name = 'CoarseTileGrid1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tile_grid_coarse (
        city_id     uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
        cx          int NOT NULL,
        cy          int NOT NULL,
        ${STATUSES.map((s) => `${s} int NOT NULL`).join(',\n        ')},
        computed_on date NOT NULL,
        stale_from  date,
        PRIMARY KEY (city_id, cx, cy)
      )`);
    await q.query(`CREATE INDEX tile_grid_coarse_xy ON tile_grid_coarse (cx, cy)`);
    await q.query(`
      CREATE FUNCTION tile_grid_coarse_on_cells() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${REFRESH('new_cells')}
        ELSIF TG_OP = 'DELETE' THEN ${REFRESH('old_cells')}
        ELSE ${REFRESH('(SELECT city_id, ix, iy FROM old_cells UNION ALL SELECT city_id, ix, iy FROM new_cells) c')}
        END IF;
        RETURN NULL;
      END $$`);
    for (const [op, ref] of [
      ['INSERT', 'NEW TABLE AS new_cells'],
      ['UPDATE', 'OLD TABLE AS old_cells NEW TABLE AS new_cells'],
      ['DELETE', 'OLD TABLE AS old_cells'],
    ] as const) {
      await q.query(`
        CREATE TRIGGER tile_grid_cells_coarse_${op.toLowerCase()} AFTER ${op} ON tile_grid_cells
          REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION tile_grid_coarse_on_cells()`);
    }
    // tile_grid_rebuild may run with triggers off (bulk loads): it rebuilds the coarse level itself.
    await q.query(`
      CREATE FUNCTION tile_grid_coarse_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN ${REFRESH(null)}
      END $$`);
    await q.query(`ALTER FUNCTION tile_grid_rebuild() RENAME TO tile_grid_rebuild_fine`);
    await q.query(`
      CREATE FUNCTION tile_grid_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM tile_grid_rebuild_fine();
        PERFORM tile_grid_coarse_rebuild();
      END $$`);
    await q.query(`SELECT tile_grid_coarse_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION tile_grid_rebuild()`);
    await q.query(`ALTER FUNCTION tile_grid_rebuild_fine() RENAME TO tile_grid_rebuild`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER tile_grid_cells_coarse_${op} ON tile_grid_cells`);
    }
    await q.query(`DROP FUNCTION tile_grid_coarse_on_cells(), tile_grid_coarse_rebuild()`);
    await q.query(`DROP TABLE tile_grid_coarse`);
  }
}
