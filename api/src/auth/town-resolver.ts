import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isSlug, isUuid } from '../common/id-or-slug.js';
import { ChangeFeed } from '../database/change-feed.js';

const OPEN_DATA_TTL_MS = 5_000;

/**
 * Finds the town a record belongs to, and which towns publish open data (cached for a few seconds,
 * forgotten at once when a town changes: ChangeFeed topic `auth`).
 */
@Injectable()
export class TownResolver {
  private openData: { ids: ReadonlySet<string>; at: number } | null = null;

  constructor(
    private readonly db: DataSource,
    feed: ChangeFeed,
  ) {
    feed.on('auth', () => this.forgetOpenData());
  }

  async townOf(entity: 'city' | 'storefront' | 'intervention', idOrSlug: string): Promise<string | null> {
    if (!isUuid(idOrSlug) && (entity !== 'city' || !isSlug(idOrSlug))) return null;
    const sql = {
      city: isUuid(idOrSlug)
        ? `SELECT id FROM cities WHERE id = $1`
        : `SELECT id FROM cities WHERE slug = $1`,
      storefront: `SELECT city_id AS id FROM storefronts WHERE id = $1`,
      intervention: `SELECT city_id AS id FROM interventions WHERE id = $1`,
    }[entity];
    const rows = await this.db.query<{ id: string }[]>(sql, [idOrSlug]);
    return rows[0]?.id ?? null;
  }

  /** The id of the town named by id or slug (a route's `:id`), or 404 NOT_FOUND. */
  async townId(idOrSlug: string): Promise<string> {
    const id = await this.townOf('city', idOrSlug);
    if (!id) throw new DomainError('NOT_FOUND', `Town ${idOrSlug} was not found.`, { id: idOrSlug });
    return id;
  }

  async openDataCityIds(): Promise<ReadonlySet<string>> {
    if (this.openData && Date.now() - this.openData.at < OPEN_DATA_TTL_MS) return this.openData.ids;
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM cities WHERE open_data`);
    this.openData = { ids: new Set(rows.map((r) => r.id)), at: Date.now() };
    return this.openData.ids;
  }

  forgetOpenData(): void {
    this.openData = null;
  }
}
