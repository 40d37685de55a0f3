import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';
import { openFilters, seededTown, type SeededTown } from './helpers';

/**
 * What the usability review found on screen: the phone layout, how high the map starts on a laptop,
 * chart labels cut off, the order of towns, and the three different storefront counts and their labels.
 */
const AS_OF = '2025-06-30';
const NETWORK = 'innenstaedte-erfolgreich-machen';

let town: SeededTown;

test.beforeAll(async ({ request }) => {
  town = await seededTown(request);
});

/** Texts of the chart in `figure` that reach past its drawing (cut off by the SVG's edge). */
async function clippedTexts(figure: Locator): Promise<string[]> {
  return figure.evaluate((root) =>
    [...root.querySelectorAll('svg.recharts-surface')].flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .filter((text) => {
          const r = text.getBoundingClientRect();
          return (
            r.width > 0 &&
            (r.left < box.left - 1 ||
              r.right > box.right + 1 ||
              r.top < box.top - 1 ||
              r.bottom > box.bottom + 1)
          );
        })
        .map((text) => text.textContent ?? '');
    }),
  );
}

const german = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });
const inGermanOrder = (names: string[]): string[] => [...names].sort(german.compare);

async function townCardNames(page: Page): Promise<string[]> {
  const cards = page.getByRole('region', { name: 'Städte' }).locator('.card a');
  await expect(cards.first()).toBeVisible();
  return cards.allInnerTexts();
}

test.describe('phone, 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the town page with its list does not scroll sideways; the header fits, sign-out included', async ({
    page,
  }) => {
    await signIn(page, DEMO.editorMuehlhausen); // the longest header: import, password, sign-out
    await page.goto(`/towns/${town.slug}?view=list`);
    await expect(page.getByTestId('storefront-table').locator('tbody tr').first()).toBeVisible();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);

    // the navigation and the account area fold behind „Menü“: the header is one line on a phone
    const header = page.getByRole('banner');
    expect((await header.boundingBox())!.height).toBeLessThan(70);
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeHidden();
    const menu = header.getByRole('button', { name: 'Menü' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(header.getByRole('link', { name: 'Begehung' })).toHaveAttribute('href', '/begehung');
    const signOut = page.getByRole('button', { name: 'Abmelden' });
    const box = (await signOut.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    for (const name of ['Datenimport', 'Kennzahlen']) {
      const link = (await page.getByRole('banner').getByRole('link', { name }).boundingBox())!;
      expect(link.x + link.width, name).toBeLessThanOrEqual(390);
    }
    // The wide table scrolls inside its own box instead.
    const wrap = page.locator('.table-wrap').first();
    expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // a link in the menu leads to its page and folds the menu again
    await header.getByRole('link', { name: 'Kennzahlen' }).click();
    await expect(page).toHaveURL(/\/kennzahlen/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(header.getByRole('link', { name: 'Kennzahlen' })).toBeHidden();
  });
});

test.describe('laptop, 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the map starts in the upper part of the screen; the filters are a keyboard step away', async ({
    page,
  }) => {
    await signIn(page, DEMO.editorMuehlhausen); // with the editor's extra links and controls
    await page.goto(`/towns/${town.slug}`);
    const map = page.getByTestId('town-map');
    await expect(map).toBeVisible();
    expect((await map.boundingBox())!.y).toBeLessThan(350);

    // Folded away, yet each filter is reachable with the keyboard and labelled.
    const vacant = page.getByRole('checkbox', { name: 'Leerstand', exact: true });
    await expect(vacant).toBeHidden();
    await openFilters(page);
    await expect(vacant).toBeVisible();
    for (const label of ['Nutzung', 'Leer seit mindestens', 'Maßnahme']) {
      await expect(page.getByLabel(label, { exact: true })).toBeVisible();
    }
    await vacant.focus();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/status=vacant/);
    await expect(page.getByTestId('filters-toggle').locator('summary')).toHaveText(/Filter \(1 aktiv\)/);

    // A link with a filter opens with the filters shown.
    await page.reload();
    await expect(page.getByTestId('filters-toggle')).toHaveAttribute('open', '');
  });
});

test.describe('charts', () => {
  test('no label of the benchmark charts is cut off; the full names are in the summary and table', async ({
    page,
  }) => {
    await signIn(page, DEMO.admin);
    await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}`);
    const ranking = page.getByTestId('ranked-chart');
    const scatter = page.getByTestId('scatter-chart');
    await expect(ranking.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(scatter.locator('.recharts-scatter-symbol').first()).toBeVisible();
    await expect(ranking.locator('.recharts-yAxis-tick-labels text').nth(5)).toBeAttached();
    const ticks = await ranking.locator('.recharts-yAxis-tick-labels text').allTextContents();
    expect(ticks.length).toBeGreaterThan(5);
    expect(await clippedTexts(ranking)).toEqual([]);
    expect(await clippedTexts(scatter)).toEqual([]);
    // No town's name lies over another's (some towns of a network are close in size and vacancy).
    const labels = scatter.locator('.scatter-labels text');
    await expect(labels.nth(3)).toBeAttached();
    const boxes = await labels.evaluateAll((texts) =>
      texts.map((t) => {
        const r = t.getBoundingClientRect();
        return { name: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        .map((b) => `${a.name} / ${b.name}`),
    );
    expect(overlapping).toEqual([]);
    // A long name is shortened on the axis, never wrapped into two cut lines; the sentence has it in full.
    expect(ticks).toContain('Bad Frankenhausen');
    // (which towns the sentence names depends on what other tests recorded in Mühlhausen: each named in full)
    const towns = (await (await page.request.get('/api/cities')).json()) as { name: string }[];
    const fullNames = towns.map((c) => c.name);
    expect(fullNames).toContain('Bad Frankenhausen/Kyffhäuser');
    const sentence = (await ranking.locator('.chart__summary').textContent()) ?? '';
    const named = /Höchster Wert: (.+?) \(.*niedrigster: (.+?) \(/.exec(sentence);
    expect(named, sentence).not.toBeNull();
    // towns tied at either end are all named („A, B und C“), or counted („4 Städte“)
    const namedTowns = [named![1]!, named![2]!]
      .filter((list) => !/^\d+ Städte$/.test(list))
      .flatMap((list) => list.split(/, | und /));
    expect(fullNames).toEqual(expect.arrayContaining(namedTowns));
    await scatter.getByText('Als Tabelle anzeigen').click();
    await expect(scatter.getByRole('rowheader', { name: 'Bad Frankenhausen/Kyffhäuser' })).toBeVisible();

    // One town alone: its point is at the right edge, and its label still inside the chart.
    await page.goto(`/vergleich?towns=${town.id}&asOf=${AS_OF}`);
    await expect(scatter.locator('.recharts-scatter-symbol')).toHaveCount(1);
    await expect(scatter.locator('.scatter-labels text')).toHaveCount(1);
    expect(await clippedTexts(scatter)).toEqual([]);
  });

  test('the footfall chart’s axis titles are shown in full', async ({ page }) => {
    await signIn(page, DEMO.editorMuehlhausen);
    await page.goto(`/daten/import?stadt=${town.slug}`);
    const chart = page.getByTestId('footfall-chart');
    await expect(chart.locator('.recharts-yAxis-tick-labels').first()).toBeVisible();
    expect(await clippedTexts(chart)).toEqual([]);
    const titles = chart.getByTestId('footfall-axis-titles');
    await expect(titles).toContainText('Linke Achse: Frequenz ggü. Vorjahr (%)');
    await expect(titles).toContainText('Rechte Achse: Leerstandsquote (%)');
  });
});

test.describe('order of towns', () => {
  test('the start page and the knowledge base list towns in German alphabetical order', async ({ page }) => {
    await page.goto('/');
    const cards = await townCardNames(page);
    expect(cards).toEqual(inGermanOrder(cards));
    expect(cards.indexOf('Sömmerda')).toBeLessThan(cards.indexOf('Straußfurt'));

    await signIn(page, DEMO.admin);
    await page.goto('/massnahmen');
    const townOptions = page.getByLabel('Stadt', { exact: true }).locator('option');
    await expect(townOptions.nth(5)).toBeAttached(); // the towns have arrived
    const options = (await townOptions.allInnerTexts()).slice(1); // after „Alle Städte“
    expect(options.length).toBeGreaterThan(5);
    expect(options).toEqual(inGermanOrder(options));
    expect(options.indexOf('Sömmerda')).toBeLessThan(options.indexOf('Straußfurt'));
  });
});

test.describe('what „Ladenlokale“ counts', () => {
  test('each of the three counts says what it counts, in German and in English', async ({
    page,
    request,
  }) => {
    const cities = (await (await request.get('/api/cities')).json()) as {
      slug: string;
      storefrontCount: number | null;
    }[];
    const recorded = cities.find((c) => c.slug === town.slug)!.storefrontCount!;

    await page.goto('/');
    const card = page.locator('.card').filter({ has: page.getByRole('link', { name: town.name }) });
    await expect(card).toContainText(`${recorded.toLocaleString('de-DE')} erfasste Ladenlokale`);
    await expect(page.getByTestId('units-hint')).toContainText('auch abgerissene');

    await page.goto(`/towns/${town.slug}`);
    const counts = page.getByTestId('counts');
    await expect(counts.getByText('Ladenlokale am Stichtag', { exact: true })).toBeVisible();
    await expect(counts.getByTestId('count-total-hint')).toContainText('außerhalb des Innenstadtbereichs');

    await signIn(page, DEMO.networkMember);
    await page.goto(`/networks/${NETWORK}`);
    await expect(page.getByRole('columnheader', { name: 'Ladenlokale im Innenstadtbereich' })).toBeVisible();
    await expect(page.getByTestId('network-units-hint')).toContainText('ohne abgerissene');

    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('columnheader', { name: 'Storefronts in the town centre' })).toBeVisible();
    await page.goto(`/towns/${town.slug}`);
    await expect(
      page.getByTestId('counts').getByText('Storefronts on this date', { exact: true }),
    ).toBeVisible();
    await page.goto('/');
    await expect(page.getByText(/\d storefronts? on record$/).first()).toBeVisible();
  });
});
