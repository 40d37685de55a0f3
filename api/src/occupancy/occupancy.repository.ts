import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { HistoryDiff, Period } from './occupancy-history.js';

type Db = DataSource | EntityManager;

/** A stored period: the pure rules' Period with its ids (the shape the API sends as OccupancyPeriod). */
export interface StoredPeriod extends Period {
  id: string;
  storefrontId: string;
}

const COLUMNS = `id, storefront_id AS "storefrontId", status, use_category AS "useCategory",
  business_name AS "businessName", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(valid_to, 'YYYY-MM-DD') AS "validTo", note`;

@Injectable()
export class OccupancyRepository {
  constructor(private readonly db: DataSource) {}

  history(storefrontId: string, db: Db = this.db): Promise<StoredPeriod[]> {
    return db.query(`SELECT ${COLUMNS} FROM occupancy_periods WHERE storefront_id = $1 ORDER BY valid_from`, [
      storefrontId,
    ]);
  }

  /**
   * Writes a planned history change. The database checks the unit's history at commit (no overlap,
   * no gap: migration HistoryChainCheck), so boundaries can move in any order.
   */
  async apply(em: EntityManager, storefrontId: string, cityId: string, diff: HistoryDiff): Promise<void> {
    if (diff.deletedIds.length) {
      await em.query(`DELETE FROM occupancy_periods WHERE storefront_id = $1 AND id = ANY($2::uuid[])`, [
        storefrontId,
        diff.deletedIds,
      ]);
    }
    for (const p of diff.updated) {
      await em.query(
        `UPDATE occupancy_periods SET status = $3, use_category = $4, business_name = $5, valid_from = $6,
                valid_to = $7, note = $8
         WHERE id = $1 AND storefront_id = $2`,
        [p.id, storefrontId, p.status, p.useCategory, p.businessName, p.validFrom, p.validTo, p.note],
      );
    }
    for (const p of diff.inserted) {
      await em.query(
        `INSERT INTO occupancy_periods (storefront_id, city_id, status, use_category, business_name, valid_from, valid_to, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [storefrontId, cityId, p.status, p.useCategory, p.businessName, p.validFrom, p.validTo, p.note],
      );
    }
  }
}
