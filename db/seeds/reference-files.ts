import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * Reads the committed reference data in `db/reference-data/` (see its README for sources and quirks).
 * The app never reads ../shared at run time: everything it needs is in this folder.
 */

export const PARTNER_TOWNS_FILE = 'partner_towns.csv';
export const PARTNER_BOUNDARIES_FILE = 'partner_towns_boundaries_vg250_2016.geojson';

/** One row of partner_towns.csv: the 14 towns, Destatis GV100 (31.12.2019) joined with VG250 (2016). */
export interface PartnerTown {
  town: string;
  ags2019: string;
  agsVg250_2016: string;
  officialName: string;
  state: string;
  population2019: number;
  areaKm2_2019: number;
  postcode: string;
  centreLon: number;
  centreLat: number;
  vg250Name: string;
}

export interface PartnerBoundary {
  ags: string;
  gen: string;
  bez: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Finds `db/reference-data` both from the sources (db/seeds/*.ts) and from the compiled output
 * (dist/db/seeds/*.js): walks up from this module, then falls back to the working directory.
 */
export function resolveReferenceDataDir(): string {
  const candidates: string[] = [];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'db', 'reference-data'), join(dir, 'reference-data'));
    dir = dirname(dir);
  }
  candidates.push(resolve(process.cwd(), 'db', 'reference-data'));
  const unique = [...new Set(candidates)];
  const found = unique.find((c) => existsSync(join(c, PARTNER_TOWNS_FILE)));
  if (!found) {
    throw new Error(`db/reference-data/${PARTNER_TOWNS_FILE} not found (looked in ${unique.join(', ')})`);
  }
  return found;
}

/** RFC 4180 CSV: comma-separated, fields optionally double-quoted ("" escapes a quote), LF or CRLF. */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV with a header row as records; every row must have as many fields as the header. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row, i) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${i + 2}: ${row.length} fields, header has ${header.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h, row[j] ?? '']));
  });
}

function field(rec: Record<string, string>, name: string): string {
  const v = rec[name];
  if (v === undefined || v === '')
    throw new Error(`${PARTNER_TOWNS_FILE}: missing ${name} in ${JSON.stringify(rec)}`);
  return v;
}

function num(rec: Record<string, string>, name: string): number {
  const n = Number(field(rec, name));
  if (!Number.isFinite(n)) throw new Error(`${PARTNER_TOWNS_FILE}: ${name} is not a number`);
  return n;
}

export function readPartnerTowns(dir = resolveReferenceDataDir()): PartnerTown[] {
  const records = parseCsvRecords(readFileSync(join(dir, PARTNER_TOWNS_FILE), 'utf8'));
  return records.map((r) => ({
    town: field(r, 'town'),
    ags2019: field(r, 'ags_2019'),
    agsVg250_2016: field(r, 'ags_vg250_2016'),
    officialName: field(r, 'official_name'),
    state: field(r, 'state'),
    population2019: num(r, 'population_2019_12_31'),
    areaKm2_2019: num(r, 'area_km2_2019'),
    postcode: field(r, 'postcode'),
    centreLon: num(r, 'center_lon'),
    centreLat: num(r, 'center_lat'),
    vg250Name: field(r, 'vg250_name'),
  }));
}

interface BoundaryFeature {
  properties: { AGS: string; GEN: string; BEZ: string };
  geometry: Polygon | MultiPolygon;
}

/** The partner towns' VG250 (2016) boundaries, keyed by the 2016 AGS. */
export function readPartnerBoundaries(dir = resolveReferenceDataDir()): Map<string, PartnerBoundary> {
  const fc = JSON.parse(readFileSync(join(dir, PARTNER_BOUNDARIES_FILE), 'utf8')) as {
    features: BoundaryFeature[];
  };
  const byAgs = new Map<string, PartnerBoundary>();
  for (const f of fc.features) {
    const { AGS, GEN, BEZ } = f.properties;
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
      throw new Error(
        `${PARTNER_BOUNDARIES_FILE}: ${AGS} has geometry type ${(f.geometry as { type: string }).type}`,
      );
    }
    if (byAgs.has(AGS)) throw new Error(`${PARTNER_BOUNDARIES_FILE}: AGS ${AGS} occurs twice`);
    byAgs.set(AGS, { ags: AGS, gen: GEN, bez: BEZ, geometry: f.geometry });
  }
  return byAgs;
}
