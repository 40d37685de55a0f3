import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Today in Germany (YYYY-MM-DD), the API's default date. */
export const berlinToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

export interface SeededTown {
  id: string;
  slug: string;
  name: string;
}

/** A seeded town with storefronts (Mühlhausen when the demo seed has it). */
export async function seededTown(request: APIRequestContext): Promise<SeededTown> {
  const res = await request.get('/api/cities');
  expect(res.ok()).toBe(true);
  const cities = (await res.json()) as (SeededTown & { storefrontCount: number | null })[];
  // storefrontCount is null when the viewer may not see the town's numbers; the demo seed has Mühlhausen.
  const town =
    cities.find((c) => c.name.startsWith('Mühlhausen')) ?? cities.find((c) => (c.storefrontCount ?? 0) > 0);
  if (!town) throw new Error('no seeded town with storefronts');
  return town;
}

/**
 * Opens the town page's filters (they are folded away unless the address sets a filter), with the
 * keyboard as a keyboard user would: focus on the summary, Enter.
 */
export async function openFilters(page: Page): Promise<void> {
  const toggle = page.getByTestId('filters-toggle');
  if ((await toggle.getAttribute('open')) !== null) return;
  await toggle.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('open', '');
}

export interface RenderedStorefront {
  id: string;
  status: string;
}

/** Waits until the map has settled, then returns the storefront points it drew (deduplicated). */
export async function renderedStorefronts(page: Page): Promise<RenderedStorefront[]> {
  await page.waitForFunction(() => {
    const map = window.__schaufensterMap;
    return map !== undefined && map.loaded() && map.areTilesLoaded() && !map.isMoving();
  });
  return page.evaluate(() => {
    const map = window.__schaufensterMap!;
    const seen = new Map<string, string>();
    for (const f of map.queryRenderedFeatures({ layers: ['storefronts-points'] })) {
      const p = f.properties as { id: string; status: string };
      seen.set(p.id, p.status);
    }
    return [...seen].map(([id, status]) => ({ id, status }));
  });
}

/**
 * Where a drawn unit lies well inside the map (away from the controls in its corners), in page
 * coordinates, with the unit; null if none does.
 */
export async function unitInsideMap(
  page: Page,
): Promise<({ x: number; y: number } & RenderedStorefront) | null> {
  await renderedStorefronts(page);
  const box = (await page.getByTestId('town-map').locator('canvas').boundingBox())!;
  const unit = await page.evaluate(
    ({ width, height }) => {
      const map = window.__schaufensterMap!;
      for (const f of map.queryRenderedFeatures({ layers: ['storefronts-points'] })) {
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
        const p = map.project([lon, lat]);
        const { id, status } = f.properties as RenderedStorefront;
        if (p.x > 80 && p.x < width - 250 && p.y > 80 && p.y < height - 80)
          return { x: p.x, y: p.y, id, status };
      }
      return null;
    },
    { width: box.width, height: box.height },
  );
  return unit && { ...unit, x: box.x + unit.x, y: box.y + unit.y };
}

/** Polls the rendered storefronts until the predicate holds (tiles reload asynchronously). */
export async function expectRendered(
  page: Page,
  predicate: (features: RenderedStorefront[]) => boolean,
  message: string,
): Promise<RenderedStorefront[]> {
  let last: RenderedStorefront[] = [];
  await expect
    .poll(
      async () => {
        last = await renderedStorefronts(page);
        return predicate(last);
      },
      { message, timeout: 20_000 },
    )
    .toBe(true);
  return last;
}

/** Number of distinct colours in a PNG, counted in the page (no image library needed in Node). */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 16)
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

declare global {
  interface Window {
    __schaufensterMap?: MapLibreMap;
  }
}

/** A unit created through the API at the town's centre, vacant since 2024-01-01; its id. */
export async function createVacantAtCentre(
  page: Page,
  town: SeededTown,
  csrf: string,
  street: string,
  houseNumber: string,
): Promise<string> {
  const detail = (await (await page.request.get(`/api/cities/${town.slug}`)).json()) as {
    centre: { coordinates: [number, number] };
  };
  const created = await page.request.post('/api/storefronts', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      cityId: town.id,
      street,
      houseNumber,
      location: { type: 'Point', coordinates: detail.centre.coordinates },
      initialStatus: { date: '2024-01-01', status: 'vacant' },
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** An ended pop-up on `unit`, created through the API (started `startDate`, ended `endDate`); its id. */
/** Records an intervention through the API as the signed-in editor (`csrf`); its id. */
export async function createIntervention(page: Page, csrf: string, data: object): Promise<string> {
  const created = await page.request.post('/api/interventions', {
    headers: { 'X-CSRF-Token': csrf },
    data,
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

export async function createEndedPopUp(
  page: Page,
  town: SeededTown,
  csrf: string,
  unit: string,
  title: string,
  { startDate, endDate }: { startDate: string; endDate: string },
): Promise<string> {
  return createIntervention(page, csrf, {
    cityId: town.id,
    type: 'pop_up',
    title,
    state: 'ended',
    startDate,
    endDate,
    storefrontIds: [unit],
  });
}
