import type { DataSource } from 'typeorm';
import { readPartnerBoundaries, readPartnerTowns, resolveReferenceDataDir } from './reference-files.js';

/**
 * Real reference data: the 14 partner towns and the three networks named in the brief.
 * Ids and slugs are fixed so that tests, links and other seeds can rely on them. A city id is
 * `c1700000-0000-4000-8000-0000` + its 2019 AGS; a network id ends in its ordinal.
 */

export const PLACEHOLDER_PERIMETER_RADIUS_M = 450;
export const POPULATION_YEAR = 2019;
export const POPULATION_SOURCE = 'Destatis GV100 31.12.2019, dl-de/by-2-0';
export const BOUNDARY_SOURCE = 'GeoBasis-DE / BKG 2016 (VG250), dl-de/by-2-0';

export interface ReferenceCity {
  id: string;
  slug: string;
  /** AGS as of 31.12.2019 (stored in cities.ags). */
  ags: string;
  /** AGS of the VG250 2016 boundary; differs for Buttstädt and Kindelbrück (2019 reform). */
  agsVg250_2016: string;
}

export const REFERENCE_CITIES = [
  { id: 'c1700000-0000-4000-8000-000016071001', slug: 'apolda', ags: '16071001', agsVg250_2016: '16071001' },
  {
    id: 'c1700000-0000-4000-8000-000016065003',
    slug: 'bad-frankenhausen',
    ags: '16065003',
    agsVg250_2016: '16065003',
  },
  {
    id: 'c1700000-0000-4000-8000-000016064003',
    slug: 'bad-langensalza',
    ags: '16064003',
    agsVg250_2016: '16064003',
  },
  {
    id: 'c1700000-0000-4000-8000-000016056000',
    slug: 'eisenach',
    ags: '16056000',
    agsVg250_2016: '16056000',
  },
  { id: 'c1700000-0000-4000-8000-000016067029', slug: 'gotha', ags: '16067029', agsVg250_2016: '16067029' },
  {
    id: 'c1700000-0000-4000-8000-000016061115',
    slug: 'leinefelde-worbis',
    ags: '16061115',
    agsVg250_2016: '16061115',
  },
  {
    id: 'c1700000-0000-4000-8000-000016064046',
    slug: 'muehlhausen',
    ags: '16064046',
    agsVg250_2016: '16064046',
  },
  {
    id: 'c1700000-0000-4000-8000-000016068051',
    slug: 'soemmerda',
    ags: '16068051',
    agsVg250_2016: '16068051',
  },
  {
    id: 'c1700000-0000-4000-8000-000016065067',
    slug: 'sondershausen',
    ags: '16065067',
    agsVg250_2016: '16065067',
  },
  { id: 'c1700000-0000-4000-8000-000016052000', slug: 'gera', ags: '16052000', agsVg250_2016: '16052000' },
  {
    id: 'c1700000-0000-4000-8000-000016068063',
    slug: 'buttstaedt',
    ags: '16068063',
    agsVg250_2016: '16068006',
  },
  {
    id: 'c1700000-0000-4000-8000-000016068064',
    slug: 'kindelbrueck',
    ags: '16068064',
    agsVg250_2016: '16068029',
  },
  {
    id: 'c1700000-0000-4000-8000-000016068053',
    slug: 'straussfurt',
    ags: '16068053',
    agsVg250_2016: '16068053',
  },
  {
    id: 'c1700000-0000-4000-8000-000012069020',
    slug: 'bad-belzig',
    ags: '12069020',
    agsVg250_2016: '12069020',
  },
] as const satisfies readonly ReferenceCity[];

export type ReferenceCitySlug = (typeof REFERENCE_CITIES)[number]['slug'];

export const REFERENCE_CITY_BY_SLUG = Object.fromEntries(REFERENCE_CITIES.map((c) => [c.slug, c])) as Record<
  ReferenceCitySlug,
  ReferenceCity
>;

export interface ReferenceNetwork {
  id: string;
  slug: string;
  name: string;
  description: string;
  source: string;
  members: readonly ReferenceCitySlug[];
}

const ERFA_TOWNS = [
  'apolda',
  'bad-frankenhausen',
  'bad-langensalza',
  'eisenach',
  'gotha',
  'leinefelde-worbis',
  'muehlhausen',
  'soemmerda',
  'sondershausen',
] as const satisfies readonly ReferenceCitySlug[];

export const REFERENCE_NETWORKS = [
  {
    id: 'e7000000-0000-4000-8000-000000000001',
    slug: 'innenstaedte-erfolgreich-machen',
    name: 'Innenstädte erfolgreich machen',
    description:
      'Thüringer Netzwerkinitiative von neun Städten. Mehrmals im Jahr treffen sich Verwaltungen und ' +
      'Innenstadtakteure reihum in einer Partnerstadt zum Erfahrungsaustausch (ERFA) über Geschäftsschließungen, ' +
      'Leerstand, Strategien und Projekte. Mühlhausen betreibt den Test- und Tauschladen „Frei.Handel“.',
    source:
      'Netzwerkinitiative „Innenstädte erfolgreich machen“: Ankündigung der ERFA-Sitzung in Mühlhausen, 18.09.2024',
    members: ERFA_TOWNS,
  },
  {
    id: 'e7000000-0000-4000-8000-000000000002',
    slug: 'citymanager-thueringen',
    name: 'Netzwerk der Thüringer Citymanagerinnen und Citymanager',
    description:
      'Von der Stadt Gera initiiertes Netzwerk: elf Citymanagerinnen und Citymanager tauschen sich über Feste, ' +
      'neue Aktionen, Vereinsaktivitäten und Leerstandsmanagement aus – „was bereits in fünf Städten misslang, ' +
      'muss die Sechste vielleicht gar nicht erst probieren“. Die Mitgliederliste ist nicht öffentlich: ' +
      'die Zuordnung hier (Gera und die neun Städte von „Innenstädte erfolgreich machen“) ist eine Näherung.',
    source:
      'Stadt Gera: „Stadt Gera initiiert Netzwerktreffen der Thüringer Citymanager“ (Mitglieder genähert)',
    members: ['gera', ...ERFA_TOWNS],
  },
  {
    id: 'e7000000-0000-4000-8000-000000000003',
    slug: 'thueringer-becken',
    name: 'Allianz „Thüringer Becken“',
    description:
      'Interkommunale Allianz von Buttstädt, Kindelbrück, Sömmerda und Straußfurt (etwa 25.230 Einwohner), ' +
      'die im Wettbewerb „Zukunftsstadt“ eine gemeinsame Leitvision 2030+ als vernetzte „interkommunale ' +
      'Zukunftsstadt“ entwickelt.',
    source:
      'Stadt Buttstädt: Allianz „Thüringer Becken“ – interkommunale Zukunftsstadt 2030+ (Wettbewerb Zukunftsstadt)',
    members: ['buttstaedt', 'kindelbrueck', 'soemmerda', 'straussfurt'],
  },
] as const satisfies readonly ReferenceNetwork[];

/** Serialises concurrent seed runs (two test workers, two deploys) instead of failing on duplicate keys. */
export const SEED_LOCK_KEY = 'schaufenster:seed';

export interface SeedReferenceResult {
  cities: { inserted: number; updated: number };
  networks: { inserted: number; updated: number };
  membershipsAdded: number;
}

/**
 * Upserts the 14 towns and 3 networks with fixed ids (one transaction). Idempotent: unchanged rows are
 * not touched (no version bump); a perimeter that a town has replaced (perimeter_is_placeholder = false)
 * is kept. Memberships are only added, never removed, so links made in the app survive a re-run.
 */
export async function seedReference(
  ds: DataSource,
  opts: { referenceDataDir?: string } = {},
): Promise<SeedReferenceResult> {
  const dir = opts.referenceDataDir ?? resolveReferenceDataDir();
  const towns = new Map(readPartnerTowns(dir).map((t) => [t.ags2019, t]));
  const boundaries = readPartnerBoundaries(dir);
  const rows = REFERENCE_CITIES.map((c) => {
    const town = towns.get(c.ags);
    const boundary = boundaries.get(c.agsVg250_2016);
    if (!town || town.agsVg250_2016 !== c.agsVg250_2016) throw new Error(`reference data: no town ${c.ags}`);
    if (!boundary) throw new Error(`reference data: no boundary for ${c.slug} (AGS ${c.agsVg250_2016})`);
    return { ...c, town, boundary };
  });
  if (towns.size !== REFERENCE_CITIES.length) {
    throw new Error(`reference data: ${towns.size} towns in the CSV, ${REFERENCE_CITIES.length} expected`);
  }

  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SEED_LOCK_KEY]);
    const cityRows: { inserted: boolean }[] = await m.query(
      `INSERT INTO cities AS c (id, slug, name, official_name, ags, state, population, population_year,
         population_source, boundary, boundary_source, centre, perimeter, perimeter_is_placeholder)
       SELECT t.id, t.slug, t.name, t.official_name, t.ags, t.state, t.population, $11, $12,
         ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(t.boundary), 4326)), $13,
         ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326),
         ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)::geography, $14)::geometry), true
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
         $8::text[], $9::float8[], $10::float8[])
         AS t(id, slug, name, official_name, ags, state, population, boundary, lon, lat)
       ON CONFLICT (id) DO UPDATE SET
         slug = EXCLUDED.slug, name = EXCLUDED.name, official_name = EXCLUDED.official_name,
         ags = EXCLUDED.ags, state = EXCLUDED.state, population = EXCLUDED.population,
         population_year = EXCLUDED.population_year, population_source = EXCLUDED.population_source,
         boundary = EXCLUDED.boundary, boundary_source = EXCLUDED.boundary_source, centre = EXCLUDED.centre,
         perimeter = CASE WHEN c.perimeter_is_placeholder THEN EXCLUDED.perimeter ELSE c.perimeter END,
         version = c.version + 1
       WHERE (c.slug, c.name, c.official_name, c.ags, c.state, c.population, c.population_year,
              c.population_source, c.boundary, c.boundary_source, c.centre)
             IS DISTINCT FROM (EXCLUDED.slug, EXCLUDED.name, EXCLUDED.official_name, EXCLUDED.ags,
              EXCLUDED.state, EXCLUDED.population, EXCLUDED.population_year, EXCLUDED.population_source,
              EXCLUDED.boundary, EXCLUDED.boundary_source, EXCLUDED.centre)
          OR (c.perimeter_is_placeholder AND c.perimeter IS DISTINCT FROM EXCLUDED.perimeter)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.slug),
        rows.map((r) => r.boundary.gen),
        rows.map((r) => r.town.officialName),
        rows.map((r) => r.ags),
        rows.map((r) => r.town.state),
        rows.map((r) => r.town.population2019),
        rows.map((r) => JSON.stringify(r.boundary.geometry)),
        rows.map((r) => r.town.centreLon),
        rows.map((r) => r.town.centreLat),
        POPULATION_YEAR,
        POPULATION_SOURCE,
        BOUNDARY_SOURCE,
        PLACEHOLDER_PERIMETER_RADIUS_M,
      ],
    );

    const networkRows: { inserted: boolean }[] = await m.query(
      `INSERT INTO networks AS n (id, slug, name, description, source)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
         description = EXCLUDED.description, source = EXCLUDED.source
       WHERE (n.slug, n.name, n.description, n.source)
             IS DISTINCT FROM (EXCLUDED.slug, EXCLUDED.name, EXCLUDED.description, EXCLUDED.source)
       RETURNING (xmax = 0) AS inserted`,
      [
        REFERENCE_NETWORKS.map((n) => n.id),
        REFERENCE_NETWORKS.map((n) => n.slug),
        REFERENCE_NETWORKS.map((n) => n.name),
        REFERENCE_NETWORKS.map((n) => n.description),
        REFERENCE_NETWORKS.map((n) => n.source),
      ],
    );

    const links = REFERENCE_NETWORKS.flatMap((n) =>
      n.members.map((slug) => ({ networkId: n.id, cityId: REFERENCE_CITY_BY_SLUG[slug].id })),
    );
    const added: unknown[] = await m.query(
      `INSERT INTO network_members (network_id, city_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[])
       ON CONFLICT DO NOTHING
       RETURNING network_id`,
      [links.map((l) => l.networkId), links.map((l) => l.cityId)],
    );

    const count = (rs: { inserted: boolean }[]) => ({
      inserted: rs.filter((r) => r.inserted).length,
      updated: rs.filter((r) => !r.inserted).length,
    });
    return { cities: count(cityRows), networks: count(networkRows), membershipsAdded: added.length };
  });
}
