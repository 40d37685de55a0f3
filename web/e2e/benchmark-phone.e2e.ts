import { expect, test, type Locator } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';

/**
 * The benchmark's series and scatter charts on a phone (360 CSS px, WCAG 1.4.10 reflow): the series
 * chart's key must not squeeze its lines (Recharts' legend inside the chart's 300 px left them a 50 px
 * strip), and the scatter's town names must not lie on top of each other, the viewer's own town's
 * name always shown.
 */
const NETWORK = 'innenstaedte-erfolgreich-machen';
const AS_OF = '2025-12-31';
const PAGE = `/vergleich?network=${NETWORK}&asOf=${AS_OF}`;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

test.use({ viewport: { width: 360, height: 740 } });

/** Whether two boxes share more than a pixel's sliver (text boxes include the font's line gap). */
const intersect = (a: Rect, b: Rect): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

/** The figure is no wider than the screen and nothing in it sticks out sideways. */
async function fitsTheScreen(figure: Locator): Promise<void> {
  const box = (await figure.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(await figure.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
}

test('at 360 px the series chart keeps its plot; its key lists every town below it', async ({ page }) => {
  await page.goto(PAGE);
  // the page itself does not scroll sideways (a select as wide as a network's long name had widened it)
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const figure = page.getByTestId('series-chart');
  const plot = figure.locator('.recharts-cartesian-grid');
  await expect(plot).toBeVisible();
  const towns = await page.getByTestId('kpi-table').locator('tbody tr').count();
  expect(towns).toBeGreaterThan(5); // enough towns for the legend to have filled the chart

  // The lines get most of the chart's 300 px (Recharts' legend left them 50) and most of its width
  // (the value axis is as wide as its labels: it took 80 px and a margin of 16 before).
  const grid = (await plot.boundingBox())!;
  const frame = (await figure.boundingBox())!;
  expect(grid.height).toBeGreaterThan(220);
  expect(grid.width).toBeGreaterThan(frame.width * 0.65);

  // The key: one entry per town, each with the line as drawn, below the plot, inside the figure.
  const key = figure.getByTestId('series-key');
  await expect(key.locator('li')).toHaveCount(towns);
  const looks = await key
    .locator('line')
    .evaluateAll((lines) =>
      lines.map((l) => `${l.getAttribute('stroke')} ${l.getAttribute('stroke-dasharray')}`),
    );
  expect(new Set(looks).size).toBe(towns);
  const keyBox = (await key.boundingBox())!;
  const surface = (await figure.locator('svg.recharts-surface').last().boundingBox())!;
  expect(keyBox.y).toBeGreaterThanOrEqual(surface.y + surface.height);
  expect(keyBox.y + keyBox.height).toBeLessThanOrEqual(frame.y + frame.height);
  await fitsTheScreen(figure);

  // The table behind the chart opens without widening the chart (a wide table scrolls in its own box).
  await figure.getByText('Als Tabelle anzeigen').click();
  await expect(figure.getByRole('table').locator('tbody tr')).toHaveCount(towns);
  await fitsTheScreen(figure);
});

test('at 360 px with crowded points no two scatter labels overlap, and the own town keeps its name', async ({
  page,
}) => {
  await signIn(page, DEMO.viewerGotha);
  const cities = (await (await page.request.get(`/api/cities?network=${NETWORK}`)).json()) as {
    id: string;
    name: string;
  }[];
  const gotha = cities.find((c) => c.name === 'Gotha')!;
  // Gotha amid eight towns about 15 px away on every side (2,500 inhabitants, 0.6 points): every place
  // beside its point covers a neighbour's: without priority Gotha's name would be left out, and it
  // must not hide a neighbour either.
  const around = [-1, 0, 1].flatMap((dx) =>
    [-1, 0, 1].filter((dy) => dx || dy).map((dy): [number, number] => [dx, dy]),
  );
  await page.route('**/api/kpis?*', async (route) => {
    const answer = (await (await route.fetch()).json()) as { cityId: string }[];
    const others = answer.filter((k) => k.cityId !== gotha.id);
    await route.fulfill({
      json: answer.map((k) => {
        if (k.cityId === gotha.id) return { ...k, population: 30000, vacancyRate: 0.06 };
        const place = around[others.indexOf(k)];
        return place
          ? { ...k, population: 30000 + place[0] * 2500, vacancyRate: 0.06 + place[1] * 0.006 }
          : { ...k, population: 10000, vacancyRate: 0.05 }; // the rest away from the crowd
      }),
    });
  });

  await page.goto(PAGE);
  const figure = page.getByTestId('scatter-chart');
  const labels = figure.locator('.scatter-labels text');
  await expect(labels.first()).toBeVisible();
  const points = await figure.locator('.recharts-scatter-symbol').count();
  expect(points).toBeGreaterThan(around.length); // Gotha and its eight neighbours at least
  expect(await labels.count(), 'some names left out: the points are crowded').toBeLessThan(points);

  // The own town is named (in bold) and ringed.
  await expect(labels.filter({ hasText: /^Gotha$/ })).toHaveCount(1);
  await expect(figure.locator('.scatter-labels text[data-mine]')).toHaveText('Gotha');
  await expect(figure.locator('.scatter-labels__ring')).toHaveCount(1);

  // No two names overlap, none lies over a point; every name lies inside the plot.
  const boxes = await labels.evaluateAll((texts) =>
    texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { name: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
  const plot = await figure.locator('.recharts-cartesian-grid').evaluate((g) => {
    const r = g.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
  const overlapping = boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => (intersect(a, b) ? [`${a.name} × ${b.name}`] : [])),
  );
  expect(overlapping).toEqual([]);
  const symbols = await figure.locator('.recharts-scatter-symbol').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
  const overPoints = boxes.filter((b) => symbols.some((p) => intersect(b, p))).map((b) => b.name);
  expect(overPoints).toEqual([]);
  for (const box of boxes) {
    expect(box.left, box.name ?? '').toBeGreaterThanOrEqual(plot.left - 1);
    expect(box.right, box.name ?? '').toBeLessThanOrEqual(plot.right + 1);
  }
  await fitsTheScreen(figure);
});
