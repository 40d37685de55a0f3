import { Inject, Injectable } from '@nestjs/common';
import { visibleCityIds, type Viewer } from '../auth/viewer.js';
import { DomainError } from '../common/domain-error.js';
import { EXCEL_MAX_DATA_ROWS } from '../common/excel.js';
import { todayIso } from '../common/validators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MAX_TOWNS, type TownKpis } from '../kpis/kpi.types.js';
import { KpisService } from '../kpis/kpis.service.js';
import { storefrontFilterFor } from '../storefronts/storefront-query.js';
import type { StorefrontFilter } from '../storefronts/storefront-filter.js';
import type { KpiExportQuery, StorefrontExportQuery } from './dto/export.query.js';
import { writeXlsx, type Cell, type ExportTable, type ExportTableStream } from './export-table.js';
import { ExportsRepository, type ExportedPeriod, type ExportedStorefront } from './exports.repository.js';

export const PUBLIC_COLUMNS = [
  'storefrontId',
  'citySlug',
  'referenceId',
  'street',
  'houseNumber',
  'postcode',
  'lon',
  'lat',
  'floorAreaM2',
  'frontageM',
  'floor',
  'status',
  'useCategory',
  'businessName',
  'statusSince',
  'insidePerimeter',
  'verifiedAt',
] as const;
export const PERSONAL_COLUMNS = [
  'notes',
  'ownerName',
  'ownerPhone',
  'ownerEmail',
  'askingRentEurMonth',
] as const;
export const HISTORY_COLUMNS = [
  'storefrontId',
  'referenceId',
  'street',
  'houseNumber',
  'status',
  'useCategory',
  'businessName',
  'validFrom',
  'validTo',
] as const;

/** The workbook's sheets (Excel reserves the name „History“). */
const STOREFRONTS_SHEET = 'Storefronts';
const HISTORY_SHEET = 'Occupancy history';

/**
 * Storefronts, their history and KPI tables, scoped to what the viewer may read. Rows are read batch
 * by batch while they are written (any number of units in flat memory); a workbook's size is checked
 * first, as an Excel sheet holds at most 1,048,576 rows.
 */
/**
 * A download's file name: what it holds, the town when it is one, and the day it describes —
 * „storefronts-muehlhausen-2026-12-07.csv“: a week's downloads no longer overwrite each other as
 * „storefronts (3).csv“. Slugs are ASCII (a–z, 0–9, -), safe in the header without quoting rules.
 */
export function exportFileName(
  base: string,
  townSlug: string | null,
  day: string,
  extension: string,
): string {
  return `${[base, townSlug, day].filter((part) => part !== null).join('-')}.${extension}`;
}

@Injectable()
export class ExportsService {
  constructor(
    private readonly exports: ExportsRepository,
    private readonly kpiEngine: KpisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** exportFileName for a query: the town's slug when exactly one is asked for, the day `asOf` (else today). */
  async fileName(q: { cityId?: string[]; asOf?: string }, base: string, extension: string): Promise<string> {
    const slug = q.cityId?.length === 1 ? await this.exports.townSlug(q.cityId[0]!) : null;
    return exportFileName(base, slug, q.asOf ?? todayIso(), extension);
  }

  /**
   * The matching units in batches, with the columns this viewer gets. The filter is checked here, at
   * once; the rows are read when the batches are iterated.
   */
  storefrontRows(
    viewer: Viewer,
    q: StorefrontExportQuery,
  ): { columns: StorefrontColumn[]; batches: AsyncGenerator<ExportedStorefront[]> } {
    const filter = this.filter(viewer, q);
    const personal = personalCityIds(viewer, filter.cityIds);
    return {
      columns: storefrontColumns(personal),
      batches: this.exports.storefrontBatches(filter, personal, memberCityIds(viewer)),
    };
  }

  storefronts(viewer: Viewer, q: StorefrontExportQuery): ExportTableStream {
    const { columns, batches } = this.storefrontRows(viewer, q);
    return { name: STOREFRONTS_SHEET, headers: columns, batches: cellBatches(batches, columns) };
  }

  history(viewer: Viewer, q: StorefrontExportQuery): ExportTableStream {
    const batches = this.exports.historyBatches(this.filter(viewer, q), memberCityIds(viewer));
    return {
      name: HISTORY_SHEET,
      headers: [...HISTORY_COLUMNS],
      batches: cellBatches(batches, HISTORY_COLUMNS),
    };
  }

  /**
   * Writes the workbook (two sheets, read in one snapshot) to the file at `path`. Refused with 422
   * EXPORT_TOO_LARGE before any row is read when the units are more than EXPORT_XLSX_MAX_ROWS, or
   * their history more than an Excel sheet holds.
   */
  async workbook(viewer: Viewer, q: StorefrontExportQuery, path: string): Promise<void> {
    const filter = this.filter(viewer, q);
    const personal = personalCityIds(viewer, filter.cityIds);
    const member = memberCityIds(viewer);
    const columns = storefrontColumns(personal);
    await this.exports.inSnapshot(async (read) => {
      const units = await read.countStorefronts(filter);
      if (units > this.config.exportXlsxMaxRows) throw tooManyUnits(units, this.config.exportXlsxMaxRows);
      const periods = await read.countPeriods(filter);
      if (periods > EXCEL_MAX_DATA_ROWS) throw tooManyPeriods(periods);
      await writeXlsx(path, [
        {
          name: STOREFRONTS_SHEET,
          headers: columns,
          batches: cellBatches(read.storefrontBatches(filter, personal, member), columns),
        },
        {
          name: HISTORY_SHEET,
          headers: [...HISTORY_COLUMNS],
          batches: cellBatches(read.historyBatches(filter, member), HISTORY_COLUMNS),
        },
      ]);
    });
  }

  /** One row per town: every KPI of the snapshot, nested ones as `flows.openings`, `useMix.food_drink`. */
  async kpiTable(viewer: Viewer, q: KpiExportQuery): Promise<ExportTable> {
    const towns = await this.exports.townNames(visibleCityIds(viewer, q.cityId, true));
    // Every town the caller sees (an admin: all of them), asked for in batches of what one KPI request takes.
    const snapshot: TownKpis[] = [];
    for (let i = 0; i < towns.length; i += MAX_TOWNS) {
      const batch = towns.slice(i, i + MAX_TOWNS).map((t) => t.id);
      snapshot.push(...(await this.kpiEngine.snapshot(batch, q.asOf ?? todayIso())));
    }
    const names = new Map(towns.map((t) => [t.id, t.name]));
    const flat = snapshot.map((k) => ({ town: names.get(k.cityId) ?? null, ...flatten(k) }));
    const headers = flat.length ? Object.keys(flat[0]!) : ['town', 'cityId', 'asOf'];
    return {
      name: 'KPIs',
      headers,
      rows: flat.map((f) => headers.map((h) => (f as Record<string, Cell>)[h] ?? null)),
    };
  }

  private filter(viewer: Viewer, q: StorefrontExportQuery): StorefrontFilter {
    const filter = storefrontFilterFor(viewer, q);
    return filter;
  }
}

type StorefrontColumn = (typeof PUBLIC_COLUMNS)[number] | (typeof PERSONAL_COLUMNS)[number];

/** The storefront export's columns: the personal ones only for a viewer who edits one of the towns. */
function storefrontColumns(personalCityIds: string[]): StorefrontColumn[] {
  return personalCityIds.length ? [...PUBLIC_COLUMNS, ...PERSONAL_COLUMNS] : [...PUBLIC_COLUMNS];
}

/** Rows as table cells, batch by batch (returning early returns the rows' cursor too). */
async function* cellBatches<R extends ExportedStorefront | ExportedPeriod>(
  batches: AsyncIterable<R[]>,
  columns: readonly (keyof R)[],
): AsyncGenerator<Cell[][]> {
  for await (const rows of batches) yield rows.map((r) => columns.map((c) => r[c] as Cell));
}

/** 1234567 → "1,234,567" (English, as every message of the API). */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function tooManyUnits(rows: number, limit: number): DomainError {
  return new DomainError(
    'EXPORT_TOO_LARGE',
    `The selection holds ${count(rows)} units; an Excel download holds at most ${count(limit)}. Narrow the filters (for example one town or one status) or download CSV.`,
    { rows, limit, sheet: STOREFRONTS_SHEET },
  );
}

function tooManyPeriods(rows: number): DomainError {
  return new DomainError(
    'EXPORT_TOO_LARGE',
    `The occupancy history of the selection holds ${count(rows)} entries; an Excel sheet holds at most ${count(EXCEL_MAX_DATA_ROWS)} rows. Narrow the filters or download the history as CSV (occupancy.csv).`,
    { rows, limit: EXCEL_MAX_DATA_ROWS, sheet: HISTORY_SHEET },
  );
}

/** Towns whose business names this viewer may export: those they read as a member (null: all). */
function memberCityIds(viewer: Viewer): readonly string[] | null {
  return viewer.readableCityIds === null ? null : [...viewer.readableCityIds];
}

/** Towns whose notes and landlord contacts this viewer may export: those they edit. */
function personalCityIds(viewer: Viewer, cityIds: readonly string[] | undefined): string[] {
  const editable = [...viewer.editableCityIds];
  return cityIds === undefined ? editable : editable.filter((id) => cityIds.includes(id));
}

function flatten(value: object, prefix = ''): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flatten(v as object, name));
    else out[name] = Array.isArray(v) ? JSON.stringify(v) : (v as Cell);
  }
  return out;
}
