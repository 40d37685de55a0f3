import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { cursorBatches, inReadSnapshot, type ReadSnapshot } from '../database/read-snapshot.js';
import { storefrontFilterSql, type StorefrontFilter } from '../storefronts/storefront-filter.js';

export interface ExportedStorefront {
  storefrontId: string;
  cityId: string;
  citySlug: string;
  referenceId: string | null;
  street: string;
  houseNumber: string;
  postcode: string | null;
  lon: number;
  lat: number;
  floorAreaM2: number | null;
  frontageM: number | null;
  floor: string;
  status: string;
  useCategory: string | null;
  businessName: string | null;
  statusSince: string;
  insidePerimeter: boolean;
  verifiedAt: string | null;
  notes: string | null;
  ownerName: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
  askingRentEurMonth: number | null;
}

export interface ExportedPeriod {
  storefrontId: string;
  referenceId: string | null;
  street: string;
  houseNumber: string;
  status: string;
  useCategory: string | null;
  businessName: string | null;
  validFrom: string;
  validTo: string | null;
}

/**
 * Rows for the exports, filtered exactly like the map (storefrontFilterSql). Notes and contact
 * fields leave the database only for the towns in `personalCityIds` (the viewer edits them), business
 * names only for the towns in `memberCityIds` (the viewer reads them as a member; null = every town) —
 * not for towns read only as open data (docs/security.md).
 *
 * Rows are read in batches through a cursor (`…Batches`), so that a nation-wide export never sits in
 * memory as a whole. The workbook counts first and reads its two sheets in one snapshot (`inSnapshot`).
 */
@Injectable()
export class ExportsRepository {
  /** An export reads for as long as its download takes (database/read-snapshot.ts). */
  private readonly longRunningMs: number;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.longRunningMs = config.databaseLimits.longRunningTimeoutMs;
  }

  storefrontBatches(
    filter: StorefrontFilter,
    personalCityIds: string[],
    memberCityIds: readonly string[] | null,
  ): AsyncGenerator<ExportedStorefront[]> {
    return cursorBatches(
      this.db,
      this.longRunningMs,
      ...storefrontsSql(filter, personalCityIds, memberCityIds),
    );
  }

  historyBatches(
    filter: StorefrontFilter,
    memberCityIds: readonly string[] | null,
  ): AsyncGenerator<ExportedPeriod[]> {
    return cursorBatches(this.db, this.longRunningMs, ...historySql(filter, memberCityIds));
  }

  /** Several reads that see the same data (one REPEATABLE READ READ ONLY transaction). */
  inSnapshot<T>(work: (reads: ExportSnapshot) => Promise<T>): Promise<T> {
    return inReadSnapshot(this.db, this.longRunningMs, (snapshot) => work(new ExportSnapshot(snapshot)));
  }

  async townSlug(cityId: string): Promise<string | null> {
    const [row] = await this.db.query<{ slug: string }[]>(`SELECT slug FROM cities WHERE id = $1`, [cityId]);
    return row?.slug ?? null;
  }

  async townNames(cityIds: readonly string[] | undefined): Promise<{ id: string; name: string }[]> {
    return this.db.query(
      `SELECT id, name FROM cities WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY name`,
      [cityIds ?? null],
    );
  }
}

/** The reads of one snapshot (ExportsRepository.inSnapshot). */
export class ExportSnapshot {
  constructor(private readonly snapshot: ReadSnapshot) {}

  /** How many units the filter matches (one row each in the storefront export). */
  async countStorefronts(filter: StorefrontFilter): Promise<number> {
    const params: unknown[] = [];
    const [row] = await this.snapshot.query<{ n: number }>(
      `SELECT count(*)::int AS n ${storefrontFilterSql(filter, params)}`,
      params,
    );
    return row?.n ?? 0;
  }

  /** How many periods the history of the matching units has (one row each in the history export). */
  async countPeriods(filter: StorefrontFilter): Promise<number> {
    const params: unknown[] = [];
    const [row] = await this.snapshot.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM occupancy_periods o
       WHERE o.storefront_id IN (SELECT s.id ${storefrontFilterSql(filter, params)})`,
      params,
    );
    return row?.n ?? 0;
  }

  storefrontBatches(
    filter: StorefrontFilter,
    personalCityIds: string[],
    memberCityIds: readonly string[] | null,
  ): AsyncGenerator<ExportedStorefront[]> {
    return this.snapshot.batches(...storefrontsSql(filter, personalCityIds, memberCityIds));
  }

  historyBatches(
    filter: StorefrontFilter,
    memberCityIds: readonly string[] | null,
  ): AsyncGenerator<ExportedPeriod[]> {
    return this.snapshot.batches(...historySql(filter, memberCityIds));
  }
}

function storefrontsSql(
  filter: StorefrontFilter,
  personalCityIds: string[],
  memberCityIds: readonly string[] | null,
): [string, unknown[]] {
  const params: unknown[] = [];
  const from = storefrontFilterSql(filter, params);
  params.push(personalCityIds);
  const personal = `s.city_id = ANY($${params.length}::uuid[])`;
  const member = memberOf(params, memberCityIds);
  return [
    `SELECT s.id AS "storefrontId", s.city_id AS "cityId", c.slug AS "citySlug", s.reference_id AS "referenceId",
            s.street, s.house_number AS "houseNumber", s.postcode,
            round(ST_X(s.location)::numeric, 7)::float8 AS lon, round(ST_Y(s.location)::numeric, 7)::float8 AS lat,
            s.floor_area_m2::float8 AS "floorAreaM2", s.frontage_m::float8 AS "frontageM", s.floor,
            cur.status, cur.use_category AS "useCategory", CASE WHEN ${member} THEN cur.business_name END AS "businessName",
            to_char(cur.status_since, 'YYYY-MM-DD') AS "statusSince",
            COALESCE(ST_Intersects(c.perimeter, s.location), false) AS "insidePerimeter",
            to_char(s.verified_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD') AS "verifiedAt",
            CASE WHEN ${personal} THEN s.notes END AS notes,
            (SELECT sc.owner_name FROM storefront_contacts sc WHERE sc.storefront_id = s.id AND ${personal}) AS "ownerName",
            (SELECT sc.owner_phone FROM storefront_contacts sc WHERE sc.storefront_id = s.id AND ${personal}) AS "ownerPhone",
            (SELECT sc.owner_email FROM storefront_contacts sc WHERE sc.storefront_id = s.id AND ${personal}) AS "ownerEmail",
            (SELECT sc.asking_rent_eur_month::float8 FROM storefront_contacts sc WHERE sc.storefront_id = s.id AND ${personal}) AS "askingRentEurMonth"
     ${from}
     ORDER BY c.slug, s.street, s.house_number, s.id`,
    params,
  ];
}

function historySql(filter: StorefrontFilter, memberCityIds: readonly string[] | null): [string, unknown[]] {
  const params: unknown[] = [];
  const from = storefrontFilterSql(filter, params);
  const member = memberOf(params, memberCityIds);
  return [
    `SELECT o.storefront_id AS "storefrontId", s.reference_id AS "referenceId", s.street, s.house_number AS "houseNumber",
            o.status, o.use_category AS "useCategory",
            CASE WHEN ${member} THEN o.business_name END AS "businessName",
            to_char(o.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(o.valid_to, 'YYYY-MM-DD') AS "validTo"
     FROM occupancy_periods o JOIN storefronts s ON s.id = o.storefront_id
     WHERE o.storefront_id IN (SELECT s.id ${from})
     ORDER BY s.street, s.house_number, o.storefront_id, o.valid_from`,
    params,
  ];
}

/** SQL: is the row's town one the viewer reads as a member (`null`: every town)? */
function memberOf(params: unknown[], memberCityIds: readonly string[] | null): string {
  if (memberCityIds === null) return 'true';
  params.push([...memberCityIds]);
  return `s.city_id = ANY($${params.length}::uuid[])`;
}
