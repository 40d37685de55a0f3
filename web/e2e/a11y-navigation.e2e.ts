import { expect, test } from '@playwright/test';
import { contrastRatio } from '../src/features/map/colors';
import { DEMO, signIn } from './auth-helpers';
import {
  createVacantAtCentre,
  openFilters,
  renderedStorefronts,
  seededTown,
  unitInsideMap,
  type SeededTown,
} from './helpers';

/**
 * Accessibility of navigation and of what the review found (BITV 2.0 / WCAG 2.1 AA), in the real
 * browser: page titles (2.4.2), focus after a change of page and around the storefront panel (2.4.3),
 * the language of the map's controls and of a report (3.1.2), and the report charts' alternatives
 * (1.1.1, 1.4.1, 4.1.2); and what automated checks miss on the town page: reflow at 320 CSS px (1.4.10),
 * the focus ring's contrast (1.4.11), the map's hover text (1.4.13), the map's instructions (1.3.1,
 * 3.3.2) and German texts in the English UI (3.1.2).
 */
const AS_OF = '2025-06-30';
const NETWORK = 'innenstaedte-erfolgreich-machen';

let town: SeededTown;

/** `rgb(r, g, b)` as `#rrggbb`. */
const hex = (rgb: string): string =>
  `#${(rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((c) => Number(c).toString(16).padStart(2, '0'))
    .join('')}`;

test.beforeAll(async ({ request }) => {
  town = await seededTown(request);
});

test.describe('page titles', () => {
  test('each page has its own title in the UI language, and it follows a language switch', async ({
    page,
  }) => {
    await page.goto(`/towns/${town.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: town.name })).toBeVisible();
    await expect(page).toHaveTitle(`${town.name} – Schaufenster`);

    await page.getByRole('link', { name: 'Vergleich' }).click();
    await expect(page).toHaveTitle('Vergleich – Schaufenster');
    await page.getByRole('link', { name: 'Kennzahlen' }).click();
    await expect(page).toHaveTitle('Kennzahlen – Schaufenster');

    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('KPIs – Schaufenster');
    await page.getByRole('link', { name: 'Benchmark' }).click();
    await expect(page).toHaveTitle('Benchmark – Schaufenster');

    await page.goto('/gibt-es-nicht');
    await expect(page).toHaveTitle('Page not found – Schaufenster');
  });

  test('a report’s title names the report and its town', async ({ page }) => {
    await signIn(page, DEMO.viewerGotha);
    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveTitle('Innenstadtbericht Gotha – Schaufenster');
  });
});

test.describe('focus after a change of page', () => {
  test('a link to another page puts focus on the new page’s main heading', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The first load leaves focus where the browser puts it (the skip link comes first).
    await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();

    await page.getByRole('link', { name: 'Vergleich' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Städtevergleich' })).toBeFocused();

    // From a link inside the page, to a page that loads its data first.
    await page.goto('/');
    await page.getByRole('main').getByRole('link', { name: town.name }).click();
    await expect(page).toHaveURL(new RegExp(`/stadt/${town.slug}$`));
    await expect(page.getByRole('heading', { level: 1, name: town.name })).toBeFocused();

    // The same works with the keyboard alone.
    await page.goto('/');
    const link = page.getByRole('link', { name: 'Kennzahlen' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/kennzahlen$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('a change of the query only (a filter) leaves focus where it is', async ({ page }) => {
    await page.goto(`/towns/${town.slug}?view=list`);
    await expect(page.getByTestId('storefront-table')).toBeVisible();
    await openFilters(page);
    const vacant = page.getByRole('checkbox', { name: 'Leerstand', exact: true });
    await vacant.focus();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/status=vacant/);
    await expect(vacant).toBeChecked();
    await expect(vacant).toBeFocused();
  });

  test('Back to another page puts focus on that page’s heading', async ({ page }) => {
    await page.goto('/vergleich');
    await page.getByRole('link', { name: 'Kennzahlen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Städtevergleich' })).toBeFocused();
  });
});

test.describe('focus around the storefront panel', () => {
  test('closing the panel returns focus to the list row that opened it', async ({ page }) => {
    await page.goto(`/towns/${town.slug}?view=list`);
    const row = page.getByTestId('storefront-table').locator('tbody tr').nth(2).getByRole('button');
    await row.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('storefront-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
    await panel.getByRole('button', { name: 'Schließen' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();

    // Back closes the panel too: focus returns the same way.
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
    await page.goBack();
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();
  });

  test('closing the panel of a unit chosen on the map returns focus to the map', async ({ page }) => {
    await page.goto(`/towns/${town.slug}`);
    const canvas = page.getByTestId('town-map').locator('canvas');
    const point = await unitInsideMap(page);
    expect(point, 'a unit inside the map').not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const panel = page.getByTestId('storefront-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
    await panel.getByRole('button', { name: 'Schließen' }).click();
    await expect(panel).toHaveCount(0);
    await expect(canvas).toBeFocused();
  });

  test('starting to move a unit puts focus on the move panel’s heading; a deleted unit leaves focus on the list', async ({
    page,
  }) => {
    const csrf = await signIn(page, DEMO.editorMuehlhausen);
    const id = await createVacantAtCentre(page, town, csrf, 'Aaa-Fokusgasse', '7'); // first in the list by street
    await page.goto(`/towns/${town.slug}?selected=${id}`);
    const panel = page.getByTestId('storefront-panel');
    await panel.getByRole('button', { name: 'Position verschieben' }).click();
    await expect(page.getByRole('heading', { name: 'Position verschieben: Aaa-Fokusgasse 7' })).toBeFocused();
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(panel.getByRole('heading', { name: 'Aaa-Fokusgasse 7' })).toBeFocused();

    await page.goto(`/towns/${town.slug}?view=list&sort=street`);
    await page.getByRole('button', { name: /Aaa-Fokusgasse 7/ }).click();
    // Escape takes the question back, and focus returns to the button that asked it
    await panel.getByRole('button', { name: 'Ladenlokal löschen' }).click();
    await expect(panel.getByRole('button', { name: 'Endgültig löschen' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel.getByRole('button', { name: 'Endgültig löschen' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Ladenlokal löschen' })).toBeFocused();
    await panel.getByRole('button', { name: 'Ladenlokal löschen' }).click();
    // every alert shown meanwhile (the panel's last reload of the deleted unit had flashed „Nicht gefunden“)
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { alertsSeen: string[] }).alertsSeen = []);
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role="alert"]')) seen.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await panel.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByTestId('storefront-table')).toBeFocused();
    await expect(page.getByRole('button', { name: /Aaa-Fokusgasse 7/ })).toHaveCount(0);
    await expect(page.getByTestId('town-status')).toHaveText('„Aaa-Fokusgasse 7“ ist gelöscht.');
    expect(await page.evaluate(() => (window as unknown as { alertsSeen: string[] }).alertsSeen)).toEqual([]);
  });
});

test.describe('language of parts of the page', () => {
  test('the map’s controls and names are German, and English after a switch', async ({ page }) => {
    await page.goto(`/towns/${town.slug}`);
    await renderedStorefronts(page);
    const map = page.getByTestId('town-map');
    await expect(map.getByRole('button', { name: 'Vergrößern' })).toBeVisible();
    await expect(map.getByRole('button', { name: 'Verkleinern' })).toBeVisible();
    await expect(map.getByRole('button', { name: /Zoom/ })).toHaveCount(0);
    await expect(map.locator('canvas')).toHaveAttribute(
      'aria-label',
      `Karte der Ladenlokale in ${town.name}`,
    );

    // The map stays where the user moved it; only its texts change.
    await page.evaluate(() => window.__schaufensterMap!.jumpTo({ zoom: 16.5 }));
    await page.getByTestId('language-switch').click();
    await expect(map.getByRole('button', { name: 'Zoom in' })).toBeVisible();
    await expect(map.getByRole('button', { name: 'Zoom out' })).toBeVisible();
    await expect(map.getByRole('button', { name: 'Vergrößern' })).toHaveCount(0);
    await expect(map.locator('canvas')).toHaveAttribute(
      'aria-label',
      `Map of the storefronts in ${town.name}`,
    );
    expect(await page.evaluate(() => window.__schaufensterMap!.getZoom())).toBeCloseTo(16.5, 5);
    // The controls still work after they were added again.
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => page.evaluate(() => window.__schaufensterMap!.getZoom())).toBeLessThan(16);
  });

  test('the position marker is named in the UI language', async ({ page }) => {
    await signIn(page, DEMO.editorMuehlhausen);
    await page.goto(`/towns/${town.slug}`);
    await renderedStorefronts(page);
    await page.getByTestId('add-storefront').click();
    await page.getByTestId('use-map-centre').click();
    const marker = page.locator('.maplibregl-marker');
    await expect(marker).toHaveAttribute(
      'aria-label',
      'Position des Ladenlokals: ziehen, um sie zu verschieben',
    );
    await page.getByTestId('language-switch').click();
    await expect(marker).toHaveAttribute('aria-label', 'Position of the storefront: drag to move it');
  });

  test('an English report carries its language; the page around it keeps the UI language', async ({
    page,
  }) => {
    await signIn(page, DEMO.viewerGotha);
    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`);
    await expect(page.locator('article[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect(page).toHaveURL(/lang=en/);
    const article = page.locator('article.report');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText('Gotha town centre report');
    await expect(article).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    // Leaving the report changes nothing either.
    await page.getByRole('link', { name: 'Vergleich' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  });
});

test.describe('report charts', () => {
  test('the network report’s time series has a table and lines told apart without colour', async ({
    page,
  }) => {
    await signIn(page, DEMO.networkMember);
    const cities = (await (await page.request.get(`/api/cities?network=${NETWORK}`)).json()) as {
      name: string;
      storefrontCount: number | null;
    }[];
    const visible = cities.filter((c) => c.storefrontCount !== null).map((c) => c.name);
    expect(visible.length).toBeGreaterThan(1);
    await page.goto(`/berichte/netzwerk/${NETWORK}?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });

    const table = page.getByRole('table', { name: 'Leerstandsquote im Zeitverlauf (je Stadt)' });
    await expect(table).toHaveCount(1);
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers.slice(1).sort()).toEqual([...visible].sort());
    // One row per quarter up to the report date, which is the last row.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(4);
    await expect(rows.last().getByRole('rowheader')).toHaveText('30.06.2025');
    await expect(rows.last().getByRole('cell').first()).toHaveText(/%/);

    // The lines: one per town, none in a colour below 3:1 on white (the yellow, orange and sky blue
    // of before), and no two alike but for colour: the key shows each town's dash and marker.
    const figure = page.locator('figure[data-report-chart="vacancy"]');
    const curves = figure.locator('path.recharts-line-curve');
    await expect(curves).toHaveCount(visible.length);
    const strokes = await curves.evaluateAll((paths) =>
      paths.map((p) => (p.getAttribute('stroke') ?? '').toLowerCase()),
    );
    for (const weak of ['#f0e442', '#e69f00', '#56b4e9']) expect(strokes).not.toContain(weak);
    const key = figure.locator('.report-chart-key li');
    await expect(key).toHaveCount(visible.length);
    const looks = await key.evaluateAll((items) =>
      items.map(
        (li) =>
          `${li.querySelector('line')?.getAttribute('stroke-dasharray') ?? 'solid'} ${li.querySelector('path')?.getAttribute('d') ?? ''}`,
      ),
    );
    expect(new Set(looks).size).toBe(visible.length);
    expect((await key.allInnerTexts()).map((s) => s.trim()).sort()).toEqual([...visible].sort());
  });

  for (const report of [
    { who: DEMO.viewerGotha, path: `/berichte/stadt/gotha?stichtag=${AS_OF}` },
    { who: DEMO.networkMember, path: `/berichte/netzwerk/${NETWORK}?stichtag=${AS_OF}` },
  ]) {
    test(`no chart of ${report.path.split('?')[0]} is an unnamed application or a tab stop`, async ({
      page,
    }) => {
      await signIn(page, report.who);
      await page.goto(report.path);
      await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
      const charts = page.locator('svg.recharts-surface');
      expect(await charts.count()).toBeGreaterThan(0);
      const found = await page.evaluate(() => {
        const named = (el: Element): boolean =>
          (el.getAttribute('aria-label') ?? '').trim() !== '' || el.hasAttribute('aria-labelledby');
        return {
          unnamedApplications: [...document.querySelectorAll('svg[role="application"]')].filter(
            (s) => !named(s),
          ).length,
          focusableCharts: [...document.querySelectorAll('svg.recharts-surface')].filter(
            (s) => s.getAttribute('tabindex') !== null && s.getAttribute('tabindex') !== '-1',
          ).length,
          exposedCharts: [...document.querySelectorAll('svg.recharts-surface')].filter(
            (s) => !s.closest('[aria-hidden="true"]') && !named(s),
          ).length,
        };
      });
      expect(found).toEqual({ unnamedApplications: 0, focusableCharts: 0, exposedCharts: 0 });
    });
  }
});

test.describe('what automated checks miss on the town page', () => {
  test('at 320 CSS px (400 % zoom) the page does not scroll sideways, a long town name included', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signIn(page, DEMO.editorMuehlhausen); // the longest header and the most controls
    await page.goto(`/towns/${town.slug}`);
    const heading = page.getByRole('heading', { level: 1, name: town.name });
    await expect(heading).toBeVisible();
    await renderedStorefronts(page);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const box = (await heading.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(widths.viewport);
    // „Mühlhausen/Thüringen“ breaks after its slash, not inside a word („Thürin|gen“)
    const lines = await heading.evaluate((h1) => {
      const range = document.createRange();
      const text = [...h1.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
      return text.map((node) => {
        range.selectNodeContents(node);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    });
    expect(new Set(lines)).toEqual(new Set([1])); // each word on one line
  });

  test('at 320 CSS px the reports do not scroll sideways either; a wide table scrolls in its own box', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signIn(page, DEMO.networkMember); // reads the network report and Gotha's
    for (const path of [
      '/berichte/stadt/gotha?stichtag=2025-06-30',
      '/berichte/netzwerk/innenstaedte-erfolgreich-machen?stichtag=2025-06-30',
    ]) {
      await page.goto(path);
      await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect([path, widths.page]).toEqual([path, widths.viewport]);
      // readable, not squeezed: numbers and dates on one line, row names not a letter a line, charts
      // drawn at the screen's width rather than shrunk as a picture (their 10 px labels had become 5 px)
      const squeezed = await page.evaluate(() => {
        // the lines of a cell's own text: a sub-line it sets on purpose („2 von 5“ under a rate) is not a break
        const lines = (el: Element) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const sub = el.querySelector('.report-sub');
          if (sub) range.setEndBefore(sub);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        return {
          brokenNumbers: [...document.querySelectorAll('.report-table td.num')]
            .filter((td) => td.textContent.trim() !== '' && lines(td) > 1)
            .map((td) => td.textContent),
          narrowRowNames: [...document.querySelectorAll('.report-table tbody th[scope="row"]')]
            .filter((th) => th.getBoundingClientRect().width < 100)
            .map((th) => th.textContent),
          shrunkCharts: [...document.querySelectorAll('.report-chart svg.recharts-surface')]
            .filter(
              (svg) => Math.abs(svg.getBoundingClientRect().width - Number(svg.getAttribute('width'))) > 1,
            )
            .map((svg) => svg.getAttribute('width')),
        };
      });
      expect([path, squeezed]).toEqual([path, { brokenNumbers: [], narrowRowNames: [], shrunkCharts: [] }]);
    }
    // the network's distribution table keeps its eight columns, in a box the keyboard can scroll
    const box = page.getByRole('region', { name: 'Verteilung im Netzwerk (Tabelle)' });
    await expect(box).toHaveAttribute('tabindex', '0');
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });

  test('the focus ring stands out from the dark header and the skip link (3:1)', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const ringAndGround = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return {
          ring: getComputedStyle(el).outlineColor,
          ground: getComputedStyle(document.querySelector('.app-header')!).backgroundColor,
        };
      });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused(); // shown over the header
    let { ring, ground } = await ringAndGround();
    expect(contrastRatio(hex(ring), hex(ground))).toBeGreaterThanOrEqual(3);
    await page.getByRole('banner').getByRole('link', { name: 'Vergleich' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab'); // focus-visible as with the keyboard
    ({ ring, ground } = await ringAndGround());
    expect(contrastRatio(hex(ring), hex(ground))).toBeGreaterThanOrEqual(3);
    // In the page itself the ring keeps its colour (5:1 on white).
    await page.getByRole('main').getByRole('link').first().focus();
    expect(contrastRatio(hex((await ringAndGround()).ring), '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  test('the hover text of a unit on the map can be dismissed with Escape and hovered', async ({ page }) => {
    await page.goto(`/towns/${town.slug}`);
    await renderedStorefronts(page);
    await page.evaluate(() => window.__schaufensterMap!.jumpTo({ zoom: 17 }));
    const point = await unitInsideMap(page);
    expect(point, 'a unit inside the map').not.toBeNull();
    const tooltip = page.locator('.map-tooltip');
    await page.mouse.move(point!.x, point!.y);
    await expect(tooltip).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tooltip).toHaveCount(0);

    // Back on the unit, it shows again; the pointer can move onto it, and it stays there.
    await page.mouse.move(point!.x - 60, point!.y - 60);
    await page.mouse.move(point!.x, point!.y);
    await expect(tooltip).toBeVisible();
    const box = (await tooltip.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.waitForTimeout(1000); // longer than it stays after the pointer left the unit
    await expect(tooltip).toBeVisible();
    await page.mouse.move(box.x + box.width + 80, box.y + box.height + 80);
    await expect(tooltip).toHaveCount(0);
  });

  test('the map says how to use it with the keyboard and that the list shows the same', async ({ page }) => {
    await page.goto(`/towns/${town.slug}`);
    await renderedStorefronts(page);
    const canvas = page.getByTestId('town-map').locator('canvas');
    await expect(canvas).toHaveAccessibleDescription(/Pfeiltasten.*„Liste“.*Filtern und demselben Stichtag/);
    await page.getByTestId('language-switch').click();
    await expect(canvas).toHaveAccessibleDescription(/arrow keys.*“List”.*filters and as-of date/);
  });

  test('in English, the texts the towns recorded are marked as German', async ({ page }) => {
    await signIn(page, DEMO.editorMuehlhausen);
    await page.goto('/');
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const description = page.locator('.card p').filter({ hasText: 'Mühlhausen betreibt' });
    await expect(description).toHaveAttribute('lang', 'de');

    const interventions = (await (await page.request.get(`/api/interventions?cityId=${town.id}`)).json()) as {
      items: { storefrontIds: string[]; lessonsLearned: string | null }[];
    };
    const withLessons = interventions.items.find((i) => i.lessonsLearned && i.storefrontIds.length > 0);
    expect(withLessons, 'a demo intervention with lessons learned').toBeDefined();
    await page.goto(`/towns/${town.slug}?view=list&selected=${withLessons!.storefrontIds[0]}`);
    const panel = page.getByTestId('storefront-panel');
    await expect(panel.getByText('Synthetic demo record')).toBeVisible(); // the UI is English
    await expect(panel.getByTestId('panel-notes')).toHaveAttribute('lang', 'de');
    await expect(panel.getByText(withLessons!.lessonsLearned!)).toHaveAttribute('lang', 'de');
  });
});

test.describe('what the seventeenth session’s accessibility audit found', () => {
  test('at 320 CSS px the town’s key figures wrap instead of running out of their panel; one sentence is announced', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/towns/${town.slug}`);
    const counts = page.getByTestId('counts');
    await expect(counts.getByTestId('vacancy-rate-kpi')).toBeVisible();
    expect(await counts.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // the figures themselves are not a live region (bare numbers without labels); one sentence is
    await expect(counts).not.toHaveAttribute('aria-live');
    await expect(counts.getByTestId('counts-announcement')).toHaveAttribute('aria-live', 'polite');
    await expect(counts.getByTestId('counts-announcement')).toHaveText(
      /^Stichtag \d\d\.\d\d\.\d{4}: [\d.]+ Ladenlokale, davon \d+,\d\s%\sleer\.$/,
    );
  });

  test('no id stands twice on a page (the KPI dialogs’ did on the benchmark)', async ({ page }) => {
    await signIn(page, DEMO.networkMember);
    for (const path of ['/vergleich', `/towns/${town.slug}`, `/networks/${NETWORK}`, '/massnahmen']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      const twice = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
        return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      });
      expect([path, twice]).toEqual([path, []]);
    }
  });

  test('in English, network names and the knowledge base’s titles and lessons are marked as German', async ({
    page,
  }) => {
    await signIn(page, DEMO.networkMember);
    await page.goto(`/networks/${NETWORK}?lang=en`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'de');
    await page.goto('/massnahmen?lang=en');
    const entry = page.getByTestId('kb-entry').first();
    await expect(entry.getByRole('heading', { level: 3 })).toHaveAttribute('lang', 'de');
    await page.goto('/vergleich?lang=en');
    const options = page.getByTestId('benchmark-network').locator('option[value]:not([value=""])');
    await expect(options.first()).toBeAttached();
    expect(new Set(await options.evaluateAll((os) => os.map((o) => o.getAttribute('lang'))))).toEqual(
      new Set(['de']),
    );
  });

  test('a report one may not open still has a page heading', async ({ page }) => {
    await page.goto(`/berichte/stadt/${town.slug}`);
    await expect(page.getByRole('alert')).toHaveText(
      'Bitte melden Sie sich an, um diesen Bericht zu öffnen.',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bericht nicht verfügbar');
  });

  test('each „Passwort zurücksetzen“ says whose password', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/admin/benutzer');
    await expect(
      page.getByRole('button', { name: `Passwort zurücksetzen: ${DEMO.viewerGotha}` }),
    ).toBeVisible();
  });
});
