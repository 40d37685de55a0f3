import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { OCCUPANCY_STATUSES } from '../src/lib/domain';
import { markerIconId } from '../src/features/map/marker-icons';
import { STATUS_SHAPES } from '../src/features/map/marker-shapes';
import { DEMO, signIn } from './auth-helpers';
import {
  distinctColours,
  expectRendered,
  openFilters,
  renderedStorefronts,
  seededTown,
  unitInsideMap,
  type SeededTown,
} from './helpers';

let town: SeededTown;

test.beforeAll(async ({ request }) => {
  town = await seededTown(request);
});

test('the dashboard loads a seeded town with its numbers', async ({ page }) => {
  await page.goto(`/towns/${town.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: town.name })).toBeVisible();
  await expect(page.getByTestId('count-total')).not.toHaveText('0');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByText('© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)')).toBeVisible();
});

test('next to the map’s share of vacant units stands the vacancy rate KPI the reports print, with what each counts', async ({
  page,
}) => {
  const asOf = '2025-06-30';
  const [kpi] = (await (await page.request.get(`/api/kpis?cityId=${town.id}&asOf=${asOf}`)).json()) as {
    vacancyRate: number;
  }[];
  await page.goto(`/towns/${town.slug}?asOf=${asOf}`);
  const counts = page.getByTestId('counts');
  await expect(counts.getByTestId('vacancy-rate-kpi')).toHaveText(
    new Intl.NumberFormat('de-DE', {
      style: 'percent',
      maximumFractionDigits: 1,
      minimumFractionDigits: 1,
    }).format(kpi!.vacancyRate),
  );
  await expect(counts.getByTestId('count-total-hint')).toContainText(
    'nur bestehende Ladenlokale im Innenstadtbereich',
  );
  await expect(counts.getByRole('button', { name: 'Definition: Leerstandsquote' })).toBeVisible();
});

test('storefronts render on the map, and the map is not blank', async ({ page }) => {
  await page.goto(`/towns/${town.slug}`);
  const features = await expectRendered(page, (f) => f.length > 0, 'storefront points are drawn');
  expect(features.every((f) => typeof f.status === 'string' && f.status.length > 0)).toBe(true);
  const shot = await page.getByTestId('town-map').screenshot();
  expect(await distinctColours(page, shot)).toBeGreaterThan(5);
});

test('each status has a shape of its own, on the map and in the legend, so colour is not the only cue (WCAG 1.4.1)', async ({
  page,
}) => {
  await page.goto(`/towns/${town.slug}`);
  const drawn = await expectRendered(page, (f) => f.length > 0, 'storefront markers drawn');
  // The markers are the storefront layer's icons, each status's drawn and registered with the map.
  const statuses = [...new Set(drawn.map((f) => f.status))].sort();
  const ids = statuses.map((s) => markerIconId(s as (typeof OCCUPANCY_STATUSES)[number]));
  const icons = await page.evaluate((ids) => {
    const map = window.__schaufensterMap!;
    return {
      type: map.getLayer('storefronts-points')?.type,
      registered: ids.filter((id) => map.hasImage(id)),
    };
  }, ids);
  expect(icons).toEqual({ type: 'symbol', registered: ids });

  // Pointing at a marker finds its unit on the storefront layer: the hover text, then a click selects it.
  const unit = await unitInsideMap(page);
  expect(unit, 'a unit inside the map').not.toBeNull();
  await page.mouse.move(unit!.x, unit!.y);
  await expect(page.locator('.map-tooltip')).toBeVisible();
  await page.mouse.click(unit!.x, unit!.y);
  await expect(page).toHaveURL(/selected=/);
  await expect(page.getByTestId('storefront-panel')).toBeVisible();

  // Another style (a basemap switch) does not lose the icons: the map asks for them again.
  await page.evaluate(() => {
    const map = window.__schaufensterMap!;
    map.setStyle({ ...map.getStyle(), name: 'Neu geladen' }, { diff: false });
  });
  await expect.poll(() => page.evaluate(() => window.__schaufensterMap!.getStyle().name)).toBe('Neu geladen');
  await expectRendered(page, (f) => f.length > 0, 'markers drawn again in the new style');

  // The legend: one shape per status, the map's, and the status's name as the text.
  const legend = page.locator('section.legend');
  const swatches = await legend
    .locator('svg.status-swatch')
    .evaluateAll((svgs) =>
      svgs.map((svg) => [
        svg.getAttribute('data-status'),
        svg.getAttribute('data-shape'),
        svg.getAttribute('aria-hidden'),
      ]),
    );
  expect(swatches).toEqual(OCCUPANCY_STATUSES.map((s) => [s, STATUS_SHAPES[s], 'true']));
  expect(new Set(swatches.map(([, shape]) => shape)).size).toBe(OCCUPANCY_STATUSES.length);
  await expect(
    legend.getByRole('listitem').filter({ has: page.locator('svg[data-status="vacant"]') }),
  ).toHaveText('Leerstand');
});

test('a status filter changes what the map shows and the counts', async ({ page }) => {
  await page.goto(`/towns/${town.slug}`);
  const all = await expectRendered(page, (f) => f.length > 0, 'all storefronts drawn');
  const vacantBefore = all.filter((f) => f.status === 'vacant').length;
  await openFilters(page);
  await page.getByRole('checkbox', { name: 'Leerstand', exact: true }).check();
  await expect(page).toHaveURL(/status=vacant/);
  const vacant = await expectRendered(
    page,
    (f) => f.length > 0 && f.every((x) => x.status === 'vacant'),
    'only vacant storefronts drawn',
  );
  expect(vacant.length).toBe(vacantBefore);
  expect(vacant.length).toBeLessThan(all.length);
  await expect(page.getByTestId('count-occupied')).toHaveText('0');
});

test('the as-of date changes what the map shows', async ({ page }) => {
  await page.goto(`/towns/${town.slug}`);
  const today = await expectRendered(page, (f) => f.length > 0, 'today drawn');
  const key = (f: { id: string; status: string }[]): string =>
    f
      .map((x) => `${x.id}:${x.status}`)
      .sort()
      .join();
  await page.getByTestId('as-of-date').fill('2016-06-30');
  await expect(page).toHaveURL(/asOf=2016-06-30/);
  await expect(page.getByRole('heading', { name: /30\.06\.2016/ })).toBeVisible();
  await expectRendered(page, (f) => key(f) !== key(today), 'the map of 2016 differs from today');
});

test('a status change made in the side panel shows on the map and in the counts', async ({ page }) => {
  await signIn(page, DEMO.editorMuehlhausen);
  await page.goto(`/towns/${town.slug}?status=occupied`);
  const occupied = await expectRendered(
    page,
    (f) => f.length > 0 && f.every((x) => x.status === 'occupied'),
    'occupied drawn',
  );
  const target = occupied[0]!.id;
  await page.goto(`/towns/${town.slug}?selected=${target}`);
  await expectRendered(
    page,
    (f) => f.some((x) => x.id === target && x.status === 'occupied'),
    'target drawn as occupied',
  );
  const vacantBefore = Number((await page.getByTestId('count-vacant').innerText()).replace(/\D/g, ''));

  const panel = page.getByTestId('storefront-panel');
  await panel.getByRole('button', { name: 'Statuswechsel erfassen' }).click();
  await panel.getByLabel('Neuer Status').selectOption('vacant');
  await panel.getByRole('button', { name: 'Speichern' }).click();

  await expect(panel.getByTestId('panel-status')).toContainText('Leerstand');
  // focus goes back to the panel's heading; the status says what happened (WCAG 4.1.3)
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.getByTestId('panel-saved')).toHaveText('Gespeichert.');
  await expect(page.getByTestId('count-vacant')).toHaveText(String(vacantBefore + 1));
  await expectRendered(
    page,
    (f) => f.some((x) => x.id === target && x.status === 'vacant'),
    'target drawn as vacant',
  );
});

test('switching to English translates the page', async ({ page }) => {
  await page.goto(`/towns/${town.slug}`);
  await expect(page.getByText('Stichtag').first()).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: /Figures as of/ })).toBeVisible();
  await openFilters(page);
  await expect(page.getByRole('checkbox', { name: 'Vacant', exact: true })).toBeVisible();
  await expect(page.getByText('Stichtag')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Zahlen zum Stichtag/ })).toHaveCount(0);
});

test('the town page and the list view have no serious or critical accessibility violations', async ({
  page,
}) => {
  // 1280×800 too: there the column beside the map scrolls (counts and legend are taller than it) with no
  // unit open, i.e. nothing focusable in it (axe: scrollable-region-focusable).
  for (const viewport of [null, { width: 1280, height: 800 }]) {
    if (viewport) await page.setViewportSize(viewport);
    for (const view of ['?view=list', '']) {
      await page.goto(`/towns/${town.slug}${view}`);
      await expect(page.getByTestId('count-total')).toBeVisible();
      if (view) await expect(page.getByTestId('storefront-table')).toBeVisible();
      else await renderedStorefronts(page);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${view} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  }
  // The check above means something: the column does scroll at this size (the map view, last), and is a
  // named tab stop.
  const aside = page.getByRole('region', { name: 'Zahlen und Details' });
  expect(await aside.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await aside.focus();
  await expect(aside).toBeFocused();
});

test('the list view is sortable and opens the side panel from the keyboard', async ({ page }) => {
  await page.goto(`/towns/${town.slug}?view=list`);
  const table = page.getByTestId('storefront-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await table.getByRole('button', { name: 'Sortieren nach Fläche' }).click();
  await expect(page).toHaveURL(/sort=floorAreaM2/);
  await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  const first = table.locator('tbody tr').first().getByRole('button');
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('storefront-panel')).toBeVisible();
  await expect(page).toHaveURL(/selected=/);
  await page.goBack(); // Back closes the panel and keeps the sorted list
  await expect(page.getByTestId('storefront-panel')).toHaveCount(0);
  await expect(page).toHaveURL(/sort=floorAreaM2/);
  await expect(page).not.toHaveURL(/selected=/);
});

test('a shared link with several uses and an unusual vacancy length shows them in the filters', async ({
  page,
}) => {
  await page.goto(`/towns/${town.slug}?view=list&useCategory=food_drink,services&vacantForMonths=18`);
  await expect(page.getByLabel('Nutzung', { exact: true })).toHaveValue('several');
  await expect(page.getByLabel('Nutzung', { exact: true }).locator('option:checked')).toHaveText(
    'Gastronomie, Dienstleistungen',
  );
  await expect(page.getByLabel('Leer seit mindestens')).toHaveValue('18');
});

test('the list view starts again on page 1 when the filter changes', async ({ page }) => {
  await signIn(page, DEMO.editorMuehlhausen); // the filter by intervention is for the town's members
  await page.goto(`/towns/${town.slug}?view=list`);
  const table = page.getByTestId('storefront-table');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByText(/^Seite 3 von/)).toBeVisible();
  await openFilters(page);
  await page.getByLabel('Maßnahme', { exact: true }).selectOption({ label: 'mit Maßnahme' });
  await expect(page).toHaveURL(/hasIntervention=true/);
  await expect(table.locator('tbody tr').first().getByRole('button')).toBeVisible();
  await expect(table).not.toContainText('Keine Ladenlokale');
});

test('the filter by intervention is offered to the town’s members only, and a shared link with it opens for all', async ({
  page,
}) => {
  await page.goto(`/towns/${town.slug}?view=list&hasIntervention=true`);
  await openFilters(page);
  await expect(page.getByLabel('Maßnahme', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('storefront-table')).toBeVisible(); // the list, not a refusal
  await expect(page.getByTestId('api-error')).toHaveCount(0);
  await signIn(page, DEMO.editorMuehlhausen);
  await page.reload();
  await openFilters(page);
  await expect(page.getByLabel('Maßnahme', { exact: true })).toHaveValue('true');
});

test('a tile for an area without storefronts is an empty tile, not an error', async ({ request }) => {
  const res = await request.get('/api/tiles/storefronts/14/0/0');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/vnd.mapbox-vector-tile');
  expect((await res.body()).length).toBe(0);
  const bad = await request.get('/api/tiles/storefronts/30/0/0');
  expect(bad.status()).toBe(400);
  expect((await bad.json()) as { code: string }).toMatchObject({ code: 'VALIDATION_FAILED' });
});

test('the network overview shows the towns and opens a town', async ({ page, request }) => {
  const networks = (await (await request.get('/api/networks')).json()) as {
    slug: string;
    cityIds: string[];
  }[];
  const network = networks.find((n) => n.cityIds.includes(town.id));
  test.skip(!network, 'the seeded town belongs to no network');
  await page.goto(`/networks/${network!.slug}`);
  await page.waitForFunction(
    () => (window.__schaufensterMap?.queryRenderedFeatures({ layers: ['towns'] }).length ?? 0) > 0,
  );
  // each circle is named on the map (the table below names them for screen readers)
  const labels = page.getByTestId('network-map').locator('.network-map__label');
  await expect(labels).toHaveCount(network!.cityIds.length);
  await expect(labels.filter({ hasText: town.name })).toBeVisible();
  // every name inside the map's frame, the easternmost town's too (it had been cut: „Apol…“)
  const frame = (await page.getByTestId('network-map').boundingBox())!;
  for (const label of await labels.all()) {
    const box = (await label.boundingBox())!;
    expect(box.x + box.width, (await label.textContent()) ?? '').toBeLessThanOrEqual(frame.x + frame.width);
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
  }
  await page.getByRole('link', { name: town.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: town.name })).toBeVisible();
});

test('an unreachable basemap falls back to the built-in style, and a reachable one is credited', async ({
  page,
}) => {
  await page.route('**/api/config', (route) =>
    route.fulfill({ json: { basemapStyleUrl: 'http://127.0.0.1:9/unreachable-style.json' } }),
  );
  await page.goto(`/towns/${town.slug}`);
  await expectRendered(page, (f) => f.length > 0, 'storefronts drawn on the built-in style');
  expect(await page.evaluate(() => window.__schaufensterMap!.getStyle().name)).toBe('Schaufenster offline');

  await page.route('**/api/config', (route) =>
    route.fulfill({ json: { basemapStyleUrl: `${new URL(page.url()).origin}/test-basemap.json` } }),
  );
  await page.route('**/test-basemap.json', (route) =>
    route.fulfill({
      json: {
        version: 8,
        name: 'Test OSM basemap',
        sources: {
          osm: {
            type: 'geojson',
            data: { type: 'FeatureCollection', features: [] },
            attribution: '© OpenStreetMap',
          },
        },
        layers: [{ id: 'land', type: 'background', paint: { 'background-color': '#eeeeee' } }],
      },
    }),
  );
  await page.reload();
  await expectRendered(page, (f) => f.length > 0, 'storefronts drawn on the basemap');
  expect(await page.evaluate(() => window.__schaufensterMap!.getStyle().name)).toBe('Test OSM basemap');
  await expect(page.getByText(/OpenStreetMap-Mitwirkende/)).toBeVisible();
});

test('the start and network pages have no serious or critical accessibility violations', async ({
  page,
  request,
}) => {
  const networks = (await (await request.get('/api/networks')).json()) as { slug: string }[];
  const paths = ['/', ...networks.slice(0, 1).map((n) => `/networks/${n.slug}`), '/gibt-es-nicht'];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    // A best-practice rule (moderate), not in the WCAG tags: every page has a main heading (the 404 had none).
    const headings = await new AxeBuilder({ page }).withRules(['page-has-heading-one']).analyze();
    expect(headings.violations.map((v) => `${path} ${v.id}`)).toEqual([]);
  }
});

test('the start page does not load the map library; the town page does', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(scripts.filter((s) => s.includes('maplibre'))).toEqual([]);
  await page.getByRole('link', { name: town.name }).first().click();
  await expectRendered(page, (f) => f.length > 0, 'storefronts drawn');
  expect(scripts.some((s) => s.includes('maplibre'))).toBe(true);
});

test('the year’s openings and closures are listed unit by unit and add up to the KPIs', async ({
  page,
  request,
}) => {
  await page.goto(`/towns/${town.slug}`);
  await page.getByRole('button', { name: 'Veränderungen' }).click();
  await expect(page).toHaveURL(/view=changes/);
  const view = page.getByTestId('transitions');
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(/^Eröffnungen und Schließungen vom /);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  const [kpis] = (await (await request.get(`/api/kpis?cityId=${town.id}&asOf=${today}`)).json()) as {
    flows: { openings: number; closures: number };
  }[];
  const { openings, closures } = kpis!.flows;
  expect(openings + closures).toBeGreaterThan(0); // the demo's histories change every year
  await expect(page.getByTestId('transitions-summary')).toContainText(
    `${openings} Eröffnung${openings === 1 ? '' : 'en'}, ${closures} Schließung${closures === 1 ? '' : 'en'}`,
  );
  const rows = view.locator('tbody tr');
  await expect(rows).toHaveCount(openings + closures);
  await expect(rows.filter({ hasText: 'Schließung' })).toHaveCount(closures);

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // an address opens the unit's panel beside the list
  const first = rows.first().getByRole('button');
  const address = (await first.textContent())!;
  await first.click();
  await expect(page.getByTestId('storefront-panel')).toContainText(address);
  await expect(page).toHaveURL(/view=changes.*selected=|selected=.*view=changes/);
});
