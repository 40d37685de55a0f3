import type { EntityManager } from 'typeorm';
import { UNIT_CHANGES } from './import-plan.js';

/**
 * Metres beyond which a matched unit's new position is pointed out in the dry run (LARGE_MOVE, a
 * warning): a shop front is 5–15 m wide, so 50 m is several houses — a mistyped coordinate or a unit
 * that really moved, which the city manager should check before committing. The same distance as
 * within which a reference match may name another address (REFERENCE_MOVE_M, import-matching.ts).
 */
export const LARGE_MOVE_M = 50;

/** Allowance for the binary floats in which both points are held (1e-9° ≈ 0.1 mm). */
const FLOAT_SLACK = 1e-9;

/**
 * The staged row `r`'s point is the stored position of the unit `s` rounded to the decimals the file
 * writes (`coord_decimals`): within half a unit of the file's last decimal on either axis. „51.209“
 * says „somewhere between 51.2085 and 51.2095“ — a stored 51.20873 lies there, so the file does not
 * say that the unit is elsewhere (a list exported with three decimals is rounded by up to ≈ 55 m north–
 * south and 35 m east–west in Germany). The stored position is at least as precise: were it as coarse,
 * it would equal the file's.
 */
export const ROUNDED_FROM_STORED = `(r.coord_decimals IS NOT NULL
  AND abs(ST_X(s.location) - ST_X(r.geom)) <= 0.5 * 10 ^ (-r.coord_decimals) + ${FLOAT_SLACK}
  AND abs(ST_Y(s.location) - ST_Y(r.geom)) <= 0.5 * 10 ^ (-r.coord_decimals) + ${FLOAT_SLACK})`;

/**
 * Matched rows whose point only rounds the unit's stored position keep the stored position: their
 * point becomes the stored one (so neither the plan, the preview nor the writes see a move) and they
 * are counted (`position_kept`, the summary's `roundedPositions`). A point beyond the rounding is a
 * move as before. Five decimals and more round by less than the metre any position may differ by
 * (UNIT_CHANGES.location), so only coarser rows are looked at. `$1` is the town.
 */
export async function keepRoundedPositions(em: EntityManager, cityId: string): Promise<void> {
  await em.query(
    `UPDATE import_rows r SET geom = s.location, position_kept = true
     FROM storefronts s
     WHERE r.coord_decimals <= 4 AND r.geom IS NOT NULL AND r.problem IS NULL
       AND s.id = r.storefront_id AND s.city_id = $1
       AND ${UNIT_CHANGES.location} AND ${ROUNDED_FROM_STORED}`,
    [cityId],
  );
}
