import type { DataSource } from 'typeorm';

/** Test data builders. Every call makes new, unique rows, so tests never depend on each other. */
let counter = 0;
const unique = (): number =>
  (Date.now() % 100000) * 100 + (++counter % 100) + Math.floor(Math.random() * 1e6);

export interface TestCity {
  id: string;
  slug: string;
  /** centre [lon, lat]; the boundary is a 0.1° square around it, the perimeter a 0.01° square */
  centre: [number, number];
}

function square(lon: number, lat: number, half: number): string {
  const [x0, y0, x1, y1] = [lon - half, lat - half, lon + half, lat + half];
  return JSON.stringify({
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    ],
  });
}

/** A town with a square boundary and perimeter; open data by default so anonymous reads work. */
export async function createCity(
  db: DataSource,
  centre: [number, number] = [10.7, 50.95],
  population = 20000,
  openData = true,
): Promise<TestCity> {
  const n = unique();
  const slug = `test-town-${n}`;
  const ags = String(n % 100000000).padStart(8, '0');
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO cities (slug, name, ags, state, population, population_year, centre, boundary, perimeter, perimeter_is_placeholder, open_data)
     VALUES ($1, $2, $3, 'Thüringen', $4, 2019, ST_SetSRID(ST_MakePoint($5, $6), 4326),
             ST_SetSRID(ST_GeomFromGeoJSON($7), 4326), ST_SetSRID(ST_GeomFromGeoJSON($8), 4326), true, $9)
     ON CONFLICT (ags) DO NOTHING
     RETURNING id`,
    [
      slug,
      `Teststadt ${n}`,
      ags,
      population,
      centre[0],
      centre[1],
      square(centre[0], centre[1], 0.05),
      square(centre[0], centre[1], 0.005),
      openData,
    ],
  );
  if (!row) return createCity(db, centre, population, openData);
  return { id: row.id, slug, centre };
}

export interface StorefrontInput {
  cityId: string;
  street?: string;
  houseNumber?: string;
  location: { type: 'Point'; coordinates: [number, number] };
  floorAreaM2?: number;
  initialStatus: { date: string; status: string; useCategory?: string; businessName?: string };
}

export const storefrontBody = (city: TestCity, overrides: Record<string, unknown> = {}): StorefrontInput => ({
  cityId: city.id,
  street: 'Marktstraße',
  houseNumber: String((counter++ % 90) + 1),
  location: { type: 'Point', coordinates: [city.centre[0] + 0.001, city.centre[1] + 0.001] },
  floorAreaM2: 80,
  initialStatus: {
    date: '2020-01-01',
    status: 'occupied',
    useCategory: 'retail_daily',
    businessName: 'Bäckerei Korn',
  },
  ...overrides,
});

/** The slippy-map tile (x, y) of zoom z that holds the point. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n),
  };
}
