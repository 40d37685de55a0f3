import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateInterventionDto, OutcomeCheckDto } from './dto/intervention.dto.js';
import type { ListInterventionsQuery } from './dto/list-interventions.query.js';
import { OUTCOME_JSON } from '../kpis/outcome-sql.js';
import type { Intervention, OutcomeCheckMonths } from './intervention.types.js';
import { todayIso } from '../common/validators.js';
import { HOUSE_NUMBER_ORDER } from '../storefronts/storefronts.repository.js';

type Db = DataSource | EntityManager;
type InterventionRow = Omit<CreateInterventionDto, 'storefrontIds'>;

/** Every column of an intervention; `$1::date` = the day its `outcome12` is known on. */
const COLUMNS = `
  i.id, i.city_id AS "cityId", i.type, i.title, i.description,
  to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", to_char(i.end_date, 'YYYY-MM-DD') AS "endDate",
  i.budget_eur::float8 AS "budgetEur", i.funding_source AS "fundingSource", i.partners, i.state,
  i.lessons_learned AS "lessonsLearned", i.obstacles, i.is_synthetic AS "isSynthetic", i.version,
  i.created_at AS "createdAt", i.updated_at AS "updatedAt",
  COALESCE((SELECT array_agg(x.storefront_id ORDER BY x.storefront_id) FROM intervention_storefronts x
            WHERE x.intervention_id = i.id), '{}') AS "storefrontIds",
  COALESCE((SELECT json_agg(json_build_object('id', s.id, 'street', s.street, 'houseNumber', s.house_number,
              'floor', s.floor)
              ORDER BY s.street, ${HOUSE_NUMBER_ORDER},
                       s.floor, s.id)
            FROM intervention_storefronts x JOIN storefronts s ON s.id = x.storefront_id
            WHERE x.intervention_id = i.id), '[]') AS units,
  COALESCE((SELECT json_agg(json_build_object(
              'monthsAfterEnd', o.months_after_end, 'checkedOn', o.checked_on,
              'regularLeaseSigned', o.regular_lease_signed, 'businessStillTrading', o.business_still_trading,
              'note', o.note) ORDER BY o.months_after_end)
            FROM intervention_outcome_checks o WHERE o.intervention_id = i.id), '[]') AS "outcomeChecks",
  ${OUTCOME_JSON('i', '$1::date')} AS "outcome12"`;

const COLUMN_OF: Record<Exclude<keyof InterventionRow, 'cityId'>, string> = {
  type: 'type',
  title: 'title',
  description: 'description',
  startDate: 'start_date',
  endDate: 'end_date',
  budgetEur: 'budget_eur',
  fundingSource: 'funding_source',
  partners: 'partners',
  state: 'state',
  lessonsLearned: 'lessons_learned',
  obstacles: 'obstacles',
};

@Injectable()
export class InterventionsRepository {
  constructor(private readonly db: DataSource) {}

  async list(q: ListInterventionsQuery): Promise<{ items: Intervention[]; total: number }> {
    const params: unknown[] = [q.asOf ?? todayIso()];
    const p = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = ['true'];
    if (q.cityId !== undefined) where.push(`i.city_id = ANY(${p(q.cityId)}::uuid[])`);
    if (q.network) {
      where.push(`i.city_id IN (SELECT m.city_id FROM network_members m JOIN networks n ON n.id = m.network_id
                                WHERE n.slug = ${p(q.network)})`);
    }
    if (q.type?.length) where.push(`i.type = ANY(${p(q.type)}::text[])`);
    if (q.state?.length) where.push(`i.state = ANY(${p(q.state)}::text[])`);
    if (q.obstacle?.length) where.push(`i.obstacles && ${p(q.obstacle)}::text[]`);
    if (q.storefrontId) {
      where.push(`EXISTS (SELECT 1 FROM intervention_storefronts x WHERE x.intervention_id = i.id
                          AND x.storefront_id = ${p(q.storefrontId)}::uuid)`);
    }
    const search = q.q?.trim() ? `websearch_to_tsquery('german', ${p(q.q.trim())})` : null;
    if (search) where.push(`i.search_vector @@ ${search}`);
    const order = search
      ? `ts_rank(i.search_vector, ${search}) DESC, i.start_date DESC NULLS LAST`
      : 'i.start_date DESC NULLS LAST';
    const pageSize = q.pageSize ?? 50;
    const offset = ((q.page ?? 1) - 1) * pageSize;
    const filterParams = params.length; // the WHERE's parameters (and the date), before the page's
    const rows: (Intervention & { total: number })[] = await this.db.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM interventions i
       WHERE ${where.join(' AND ')} ORDER BY ${order}, i.id LIMIT ${p(pageSize)} OFFSET ${p(offset)}`,
      params,
    );
    // A page past the end has no row to carry the count: count on its own (as the storefront list does).
    const total =
      rows[0]?.total ??
      (offset > 0
        ? (
            await this.db.query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM interventions i WHERE $1::date IS NOT NULL AND ${where.join(' AND ')}`,
              params.slice(0, filterParams),
            )
          )[0]!.n
        : 0);
    return { items: rows.map(({ total: _t, ...i }) => i), total };
  }

  /** The intervention, its `outcome12` as known today. */
  async find(id: string, db: Db = this.db): Promise<Intervention | null> {
    const rows: Intervention[] = await db.query(`SELECT ${COLUMNS} FROM interventions i WHERE i.id = $2`, [
      todayIso(),
      id,
    ]);
    return rows[0] ?? null;
  }

  async lock(em: EntityManager, id: string): Promise<Intervention | null> {
    await em.query(`SELECT 1 FROM interventions WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, em);
  }

  async insert(em: EntityManager, row: InterventionRow): Promise<string> {
    const [created] = await em.query<{ id: string }[]>(
      `INSERT INTO interventions (city_id, type, title, description, start_date, end_date, budget_eur,
                                  funding_source, partners, state, lessons_learned, obstacles)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        row.cityId,
        row.type,
        row.title,
        row.description ?? null,
        row.startDate ?? null,
        row.endDate ?? null,
        row.budgetEur ?? null,
        row.fundingSource ?? null,
        row.partners ?? null,
        row.state ?? 'planned',
        row.lessonsLearned ?? null,
        row.obstacles ?? [],
      ],
    );
    return created!.id;
  }

  /** Writes the fields given that differ from the stored ones (and then only: the version moves on a change). */
  async update(em: EntityManager, id: string, fields: Partial<InterventionRow>): Promise<void> {
    const params: unknown[] = [id];
    const sets = ['version = version + 1'];
    const differs: string[] = [];
    for (const [key, value] of Object.entries(fields)) {
      const column = COLUMN_OF[key as keyof typeof COLUMN_OF];
      if (value === undefined || !column) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
      differs.push(`${column} IS DISTINCT FROM $${params.length}`);
    }
    if (!differs.length) return;
    await em.query(
      `UPDATE interventions SET ${sets.join(', ')} WHERE id = $1 AND (${differs.join(' OR ')})`,
      params,
    );
  }

  /** Moves the version on unless a write in this transaction already did (`seen`: the version read under the lock). */
  async bumpVersion(em: EntityManager, id: string, seen: number): Promise<void> {
    await em.query(`UPDATE interventions SET version = version + 1 WHERE id = $1 AND version = $2`, [
      id,
      seen,
    ]);
  }

  async replaceStorefronts(
    em: EntityManager,
    id: string,
    cityId: string,
    storefrontIds: string[],
  ): Promise<void> {
    await em.query(`DELETE FROM intervention_storefronts WHERE intervention_id = $1`, [id]);
    await em.query(
      `INSERT INTO intervention_storefronts (intervention_id, storefront_id, city_id)
       SELECT $1, unnest($2::uuid[]), $3`,
      [id, storefrontIds, cityId],
    );
  }

  /** Ids among `storefrontIds` that do not exist in the town. */
  async foreignStorefronts(db: Db, cityId: string, storefrontIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT x.id FROM unnest($2::uuid[]) AS x(id)
       WHERE NOT EXISTS (SELECT 1 FROM storefronts s WHERE s.id = x.id AND s.city_id = $1)`,
      [cityId, storefrontIds],
    );
    return rows.map((r) => r.id);
  }

  async cityExists(db: Db, cityId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM cities WHERE id = $1`, [cityId]);
    return rows.length > 0;
  }

  async upsertOutcomeCheck(
    em: EntityManager,
    id: string,
    cityId: string,
    months: OutcomeCheckMonths,
    check: OutcomeCheckDto,
  ): Promise<void> {
    await em.query(
      `INSERT INTO intervention_outcome_checks
         (intervention_id, city_id, months_after_end, checked_on, regular_lease_signed, business_still_trading, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (intervention_id, months_after_end) DO UPDATE SET
         checked_on = EXCLUDED.checked_on, regular_lease_signed = EXCLUDED.regular_lease_signed,
         business_still_trading = EXCLUDED.business_still_trading, note = EXCLUDED.note`,
      [
        id,
        cityId,
        months,
        check.checkedOn ?? null,
        check.regularLeaseSigned ?? null,
        check.businessStillTrading ?? null,
        check.note ?? null,
      ],
    );
    await em.query(`UPDATE interventions SET version = version + 1 WHERE id = $1`, [id]);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM interventions WHERE id = $1`, [id]);
  }
}
