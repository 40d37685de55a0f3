/**
 * Reproduces the files in this folder from the shared reference data (a dev tool, not needed at run time):
 *
 *   npx tsx db/reference-data/extract.ts [path/to/shared/data]      (default: ../shared/data)
 *
 * 1. Copies municipalities/partner_towns.csv byte for byte, after cross-checking each row against the
 *    Destatis GV100 file (name, population, postcode, centre) and the VG250 file (AGS 2016, name).
 * 2. Writes the 14 partner towns' VG250 2016 boundaries (matched on ags_vg250_2016 = AGS; properties
 *    AGS, GEN, BEZ; geometry unchanged) to partner_towns_boundaries_vg250_2016.geojson, formatted with
 *    the repository's Prettier config so that `prettier --check` passes.
 * 3. Prints the SHA-256 of inputs and outputs (recorded in README.md).
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  PARTNER_BOUNDARIES_FILE,
  PARTNER_TOWNS_FILE,
  parseCsvRecords,
  readPartnerTowns,
} from '../seeds/reference-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const sharedData = resolve(process.argv[2] ?? join(repoRoot, '..', 'shared', 'data'));
const municipalities = join(sharedData, 'municipalities');
const VG250_FILE = 'vg250_gemeinden_thueringen_plus_bad_belzig_2016.geojson';
const DESTATIS_FILE = 'destatis_gv100_gemeinden_2019-12-31.csv';

type VgFeature = Feature<Polygon | MultiPolygon, { AGS: string; GEN: string; BEZ: string }>;

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`extract: ${message}`);
}

const towns = readPartnerTowns(municipalities);
check(towns.length === 14, `expected 14 partner towns, found ${towns.length}`);

const destatis = new Map(
  parseCsvRecords(readFileSync(join(municipalities, DESTATIS_FILE), 'utf8')).map((r) => [r['ags'], r]),
);
const vg250 = JSON.parse(readFileSync(join(municipalities, VG250_FILE), 'utf8')) as {
  features: VgFeature[];
};
const vgByAgs = new Map(vg250.features.map((f) => [f.properties.AGS, f]));

const features: VgFeature[] = towns.map((t) => {
  const d = destatis.get(t.ags2019);
  check(d !== undefined, `${t.town}: AGS ${t.ags2019} not in ${DESTATIS_FILE}`);
  check(d?.['name'] === t.officialName, `${t.town}: Destatis name ${d?.['name']} ≠ ${t.officialName}`);
  check(Number(d?.['population']) === t.population2019, `${t.town}: population differs from Destatis`);
  check(d?.['postcode'] === t.postcode, `${t.town}: postcode differs from Destatis`);
  check(
    Number(d?.['lon']) === t.centreLon && Number(d?.['lat']) === t.centreLat,
    `${t.town}: centre differs from Destatis`,
  );
  const f = vgByAgs.get(t.agsVg250_2016);
  check(f !== undefined, `${t.town}: AGS ${t.agsVg250_2016} not in ${VG250_FILE}`);
  const { AGS, GEN, BEZ } = (f as VgFeature).properties;
  check(GEN === t.vg250Name, `${t.town}: VG250 name ${GEN} ≠ ${t.vg250Name}`);
  return { type: 'Feature', properties: { AGS, GEN, BEZ }, geometry: (f as VgFeature).geometry };
});

const collection = {
  type: 'FeatureCollection',
  name: 'VG250 Gemeinden 2016: the 14 Schaufenster partner towns (© GeoBasis-DE / BKG 2016, dl-de/by-2-0)',
  features,
};
const outGeojson = join(here, PARTNER_BOUNDARIES_FILE);
const prettierConfig = await prettier.resolveConfig(outGeojson);
writeFileSync(
  outGeojson,
  await prettier.format(JSON.stringify(collection), { ...prettierConfig, parser: 'json' }),
);
copyFileSync(join(municipalities, PARTNER_TOWNS_FILE), join(here, PARTNER_TOWNS_FILE));
chmodSync(join(here, PARTNER_TOWNS_FILE), 0o644); // the shared copy is read-only

for (const [label, path] of [
  ['in ', join(municipalities, VG250_FILE)],
  ['in ', join(municipalities, DESTATIS_FILE)],
  ['in ', join(municipalities, PARTNER_TOWNS_FILE)],
  ['out', outGeojson],
  ['out', join(here, PARTNER_TOWNS_FILE)],
] as const) {
  console.log(`${label} ${sha256(path)}  ${path}`);
}
console.log(`[reference-data] ${features.length} boundaries, ${towns.length} towns`);
