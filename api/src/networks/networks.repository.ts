import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idOrSlugCondition } from '../common/id-or-slug.js';
import type { Network } from './network.types.js';

const SELECT = `
  SELECT n.id, n.slug, n.name, n.description, n.source,
         COALESCE(array_agg(m.city_id ORDER BY c.name) FILTER (WHERE m.city_id IS NOT NULL), '{}') AS "cityIds"
  FROM networks n
  LEFT JOIN network_members m ON m.network_id = n.id
  LEFT JOIN cities c ON c.id = m.city_id`;

@Injectable()
export class NetworksRepository {
  constructor(private readonly db: DataSource) {}

  list(): Promise<Network[]> {
    return this.db.query(`${SELECT} GROUP BY n.id ORDER BY n.name`);
  }

  async find(idOrSlug: string): Promise<Network | null> {
    const params: unknown[] = [];
    const rows: Network[] = await this.db.query(
      `${SELECT} WHERE ${idOrSlugCondition('n', idOrSlug, params)} GROUP BY n.id`,
      params,
    );
    return rows[0] ?? null;
  }
}
