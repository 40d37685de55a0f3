import type { DemoTown } from './demo-generator.js';
import {
  PLACEHOLDER_PERIMETER_RADIUS_M,
  REFERENCE_CITY_BY_SLUG,
  REFERENCE_NETWORKS,
  type ReferenceCitySlug,
} from './reference.js';
import type { PartnerTown } from './reference-files.js';

/**
 * The towns that get synthetic demo data: the nine „Innenstädte erfolgreich machen“ towns, Gera and
 * Bad Belzig. The Thüringer-Becken towns without a city-centre network (Buttstädt, Kindelbrück,
 * Straußfurt) keep only their reference data.
 */
const DEMO_TOWN_CONFIG: Record<string, { code: string; chamber: string; testShop?: boolean }> = {
  apolda: { code: 'APD', chamber: 'IHK Erfurt' },
  'bad-frankenhausen': { code: 'BFH', chamber: 'IHK Erfurt' },
  'bad-langensalza': { code: 'BLS', chamber: 'IHK Erfurt' },
  eisenach: { code: 'ESA', chamber: 'IHK Erfurt' },
  gotha: { code: 'GTH', chamber: 'IHK Erfurt' },
  'leinefelde-worbis': { code: 'LWB', chamber: 'IHK Erfurt' },
  muehlhausen: { code: 'MHL', chamber: 'IHK Erfurt', testShop: true },
  soemmerda: { code: 'SOE', chamber: 'IHK Erfurt' },
  sondershausen: { code: 'SDH', chamber: 'IHK Erfurt' },
  gera: { code: 'GER', chamber: 'IHK Ostthüringen zu Gera' },
  'bad-belzig': { code: 'BBZ', chamber: 'IHK Potsdam' },
};

const ERFA = REFERENCE_NETWORKS.find((n) => n.slug === 'innenstaedte-erfolgreich-machen');

export const DEMO_TOWN_SLUGS: readonly ReferenceCitySlug[] = [...(ERFA?.members ?? []), 'gera', 'bad-belzig'];

/** Joins the reference rows (centre, population, postcode) with the fixed ids for the demo towns. */
export function demoTowns(partnerTowns: readonly PartnerTown[]): DemoTown[] {
  return DEMO_TOWN_SLUGS.map((slug) => {
    const ref = REFERENCE_CITY_BY_SLUG[slug];
    const row = partnerTowns.find((t) => t.ags2019 === ref.ags);
    const config = DEMO_TOWN_CONFIG[slug];
    if (!row || !config) throw new Error(`demo towns: no reference data or config for ${slug}`);
    return {
      cityId: ref.id,
      slug,
      name: row.vg250Name,
      code: config.code,
      postcode: row.postcode,
      centre: { lon: row.centreLon, lat: row.centreLat },
      population: row.population2019,
      perimeterRadiusM: PLACEHOLDER_PERIMETER_RADIUS_M,
      chamber: config.chamber,
      testShop: config.testShop ?? false,
    };
  });
}
