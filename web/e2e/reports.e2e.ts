import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { vacancyClassOf } from '../../api/src/reports/vacancy-classes';
import { MARKER_OUTLINE, STATUS_COLORS, VACANCY_RATE_STEPS } from '../src/features/map/colors';
import { STATUS_SHAPES } from '../src/features/map/marker-shapes';
import type { OccupancyStatus } from '../src/lib/domain';
import { formatKpi, formatReportDate } from '../src/features/reports/report-format';
import { lastQuarterEnd, todayIso } from '../src/lib/dates';
import { DEMO, signIn, townBySlug } from './auth-helpers';

/**
 * Council reports in the real browser against the built API + dashboard with the demo seed: the
 * Gotha councillor's report page, refusal for another town, the network report's overview map
 * (classes checked against /api/kpis, legend, accessible name, axe), and the server-rendered PDFs
 * (text via poppler's pdftotext, first page rasterised with pdftoppm and checked for the maps' colours).
 */
const AS_OF = '2025-06-30';
const NETWORK = 'innenstaedte-erfolgreich-machen';
const plain = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');

interface Kpis {
  vacancyRate: number | null;
  vacantUnits: number;
  longTermVacantUnits: number;
  notInUseRate: number | null;
  vacantPer1000Inhabitants: number | null;
  interventionsEvaluated: number;
  interventionsConverted: number;
  flows: { medianReLettingDays: number | null };
}

async function kpisOf(page: Page, cityId: string): Promise<Kpis> {
  const res = await page.request.get(`/api/kpis?cityId=${cityId}&asOf=${AS_OF}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as Kpis[])[0]!;
}

/** Pixels of the status colours (occupied blue, vacant orange) in the upper half of a PNG. */
async function statusPixels(page: Page, png: Buffer): Promise<{ occupied: number; vacant: number }> {
  const [occupied, vacant] = await colourPixels(page, png, ['#0072b2', '#d55e00']);
  return { occupied: occupied!, vacant: vacant! };
}

/** How many pixels of the upper half of a PNG are close to each of the given `#rrggbb` colours. */
async function colourPixels(page: Page, png: Buffer, colours: string[]): Promise<number[]> {
  return page.evaluate(
    async ({ base64, rgbs }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, Math.floor(img.height / 2)).data;
      const counts = rgbs.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        rgbs.forEach(([r, g, b], k) => {
          if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 60) {
            counts[k] = counts[k]! + 1;
          }
        });
      }
      return counts;
    },
    {
      base64: png.toString('base64'),
      rgbs: colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))),
    },
  );
}

test.describe('council reports', () => {
  test('the Gotha councillor opens the town report with the API’s numbers', async ({ page }) => {
    await signIn(page, DEMO.viewerGotha);
    const gotha = await townBySlug(page.request, 'gotha');
    const kpis = await kpisOf(page, gotha.id);
    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innenstadtbericht Gotha');
    await expect(page.getByRole('img', { name: /Karte der Innenstadt von Gotha/ })).toBeVisible();
    const cell = page.locator('tr[data-kpi="vacancyRate"] .report-kpi-value');
    expect(plain(await cell.innerText())).toBe(plain(formatKpi('share', kpis.vacancyRate, 'de')));
    // the re-letting duration beside the other flows; the conversion rate with the cases it rests on
    const reLetting = page.locator('tr[data-kpi="medianReLettingDays"] .report-kpi-value');
    expect(plain(await reLetting.innerText())).toBe(
      plain(formatKpi('days', kpis.flows.medianReLettingDays, 'de')),
    );
    expect(kpis.interventionsEvaluated).toBeGreaterThan(0);
    await expect(page.locator('tr[data-kpi="interventionConversionRate"] .report-kpi-value')).toContainText(
      `${kpis.interventionsConverted} von ${kpis.interventionsEvaluated}`,
    );
    // Every marker has its status's shape as on the dashboard map (a black-and-white print tells the
    // statuses apart, WCAG 1.4.1) and the map's dark outline, none pale (light fills alone: < 3:1, 1.4.11).
    const markers = await page.locator('svg.report-map [data-status]').evaluateAll((shapes) =>
      shapes.map((m) => ({
        tag: m.tagName,
        status: m.getAttribute('data-status') as OccupancyStatus,
        shape: m.getAttribute('data-shape'),
        fill: m.getAttribute('fill'),
        stroke: m.getAttribute('stroke'),
        fillOpacity: m.getAttribute('fill-opacity'),
      })),
    );
    expect(markers.length).toBeGreaterThan(50);
    for (const m of markers)
      expect(m).toEqual({
        tag: 'path',
        status: m.status,
        shape: STATUS_SHAPES[m.status],
        fill: STATUS_COLORS[m.status],
        stroke: MARKER_OUTLINE,
        fillOpacity: null,
      });
    expect(new Set(markers.map((m) => m.shape)).size).toBeGreaterThanOrEqual(3);
    // the legend beside it shows the same shapes
    const legend = page.getByRole('list', { name: 'Legende', exact: true });
    const keys = await legend
      .locator('svg[data-status]')
      .evaluateAll((svgs) =>
        svgs.map((svg) => [svg.getAttribute('data-status'), svg.getAttribute('data-shape')]),
      );
    for (const status of new Set(markers.map((m) => m.status)))
      expect(keys).toContainEqual([status, STATUS_SHAPES[status]]);
    // street names for orientation: streets the API names for the date, each printed once, legible
    const { streets } = (await (
      await page.request.get(`/api/reports/towns/gotha/map?asOf=${AS_OF}`)
    ).json()) as { streets: { name: string }[] };
    const printed = await page
      .locator('svg.report-map [data-street]')
      .evaluateAll((texts) => texts.map((x) => [x.getAttribute('data-street'), x.textContent]));
    expect(printed.length).toBeGreaterThanOrEqual(3);
    for (const [name, text] of printed) expect(text).toBe(name);
    const names = printed.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(streets.map((x) => x.name)).toContain(name);
    // printed boxes do not overlap (the estimate the page places them by holds in the browser)
    const boxes = await page
      .locator('svg.report-map [data-street]')
      .evaluateAll((texts) => texts.map((x) => x.getBoundingClientRect().toJSON() as DOMRect));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom,
          `${JSON.stringify(a)} / ${JSON.stringify(b)}`,
        ).toBe(true);
  });

  test('the town report lists the year’s openings and closures as the sheet counts them, without business names', async ({
    page,
  }) => {
    await signIn(page, DEMO.viewerGotha);
    const gotha = await townBySlug(page.request, 'gotha');
    const res = await page.request.get(`/api/kpis/transitions?cityId=${gotha.id}&to=${AS_OF}`);
    const changes = (await res.json()) as {
      openings: number;
      closures: number;
      transitions: { address: string; after: { businessName: string | null } | null }[];
    };
    const [kpis] = (await (await page.request.get(`/api/kpis?cityId=${gotha.id}&asOf=${AS_OF}`)).json()) as {
      flows: { openings: number; closures: number };
    }[];
    expect([changes.openings, changes.closures]).toEqual([kpis!.flows.openings, kpis!.flows.closures]);
    const total = changes.openings + changes.closures;
    expect(total).toBeGreaterThan(0);

    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    const table = page.getByTestId('report-transitions');
    await expect(table.locator('caption')).toContainText(
      `${changes.openings} Eröffnung${changes.openings === 1 ? '' : 'en'}, ${changes.closures} Schließung${changes.closures === 1 ? '' : 'en'}`,
    );
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(total, 40));
    await expect(table.locator('tbody tr').first().getByRole('rowheader')).toHaveText(
      changes.transitions[0]!.address,
    );
    // the councillor reads the business names in the dashboard; the printed rows leave them out
    const names = changes.transitions
      .slice(0, 40)
      .flatMap((c) => (c.after?.businessName ? [c.after.businessName] : []));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) await expect(table).not.toContainText(name);
  });

  test('the town report compares with the network the comparison page shows, or the one the reader chooses, in the page and the PDF', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.viewerGotha);
    const gotha = (await townBySlug(page.request, 'gotha')) as { id: string; networkSlugs?: string[] };
    const networks = (await (await page.request.get('/api/networks')).json()) as {
      slug: string;
      name: string;
    }[];
    const nameOf = (slug: string) => networks.find((n) => n.slug === slug)!.name;
    const median = async (network: string) => {
      const res = await page.request.get(
        `/api/kpis/network-summary?network=${network}&asOf=${AS_OF}&town=${gotha.id}`,
      );
      return (await res.json()) as {
        towns: number;
        kpis: { vacancyRate: { median: number | null } };
        town: { ranks: { vacancyRate: { position: number; of: number; tied: number } } };
      };
    };
    // by default the network the comparison page opens on for the same reader: one „network median“, not two
    await page.goto(`/vergleich?asOf=${AS_OF}`);
    const compared = page.getByTestId('benchmark-network');
    await expect(compared).not.toHaveValue('');
    const first = await compared.inputValue();
    expect(gotha.networkSlugs).toContain(first);
    const other = gotha.networkSlugs!.find((slug) => slug !== first)!;
    expect(other).toBeDefined();

    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    const caption = page.locator('.report-table--sheet caption');
    const medianCell = page.locator('tr[data-kpi="vacancyRate"] td').nth(3);
    const placeCell = page.locator('tr[data-kpi="vacancyRate"] [data-testid="report-place"]');
    await expect(caption).toContainText(`„${nameOf(first)}“ (n = ${(await median(first)).towns})`);
    const choice = page.getByRole('combobox', { name: 'Vergleich mit Netzwerk' });
    await expect(choice).toHaveValue(first);

    await choice.selectOption({ label: nameOf(other) });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]netzwerk=${other}(&|$)`));
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    const chosen = await median(other);
    await expect(caption).toContainText(`„${nameOf(other)}“ (n = ${chosen.towns})`);
    expect(plain(await medianCell.innerText())).toBe(
      plain(formatKpi('share', chosen.kpis.vacancyRate.median, 'de')),
    );
    // and Gotha's place among that network's towns, from the lowest rate („3 von 9“)
    const { position, of, tied } = chosen.town.ranks.vacancyRate;
    expect(of).toBeLessThanOrEqual(chosen.towns); // the towns with a rate
    await expect(placeCell).toContainText(`${position} von ${of}`);
    if (tied > 0) await expect(placeCell).toContainText(`gleichauf mit ${tied}`);
    await expect(page.getByRole('columnheader', { name: 'Platz im Netzwerk' })).toBeVisible();
    // the chart draws the same network's median beside the town, ending on the sheet's figure
    const chartTable = page.getByRole('table', { name: 'Leerstandsquote im Zeitverlauf' });
    await expect(chartTable.locator('thead th').last()).toHaveText(`Median Netzwerk „${nameOf(other)}“`);
    const lastRow = chartTable.locator('tbody tr').last();
    await expect(lastRow.locator('th')).toHaveText('30.06.2025');
    expect(plain(await lastRow.locator('td').last().innerText())).toBe(
      plain(formatKpi('share', chosen.kpis.vacancyRate.median, 'de')),
    );
    expect(await chartTable.locator('tbody tr td:last-child').allInnerTexts()).not.toContain('–'); // every quarter
    await expect(page.locator('[data-report-chart="vacancy"] figcaption')).toContainText(
      `gestrichelt der Median der Städte des Netzwerks „${nameOf(other)}“`,
    );
    await expect(page.getByText(new RegExp(`netzwerk=${other}`))).toBeVisible(); // the printed link

    // the PDF button asks for the same comparison; the server renders it
    const res = await page.request.get(
      `/api/reports/towns/gotha.pdf?asOf=${AS_OF}&lang=de&network=${other}`,
      {
        timeout: 90_000,
      },
    );
    expect(res.status()).toBe(200);
    const file = testInfo.outputPath('gotha-network.pdf');
    writeFileSync(file, await res.body());
    const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(`Median der Städte des Netzwerks „${nameOf(other)}“ (n = ${chosen.towns})`);
  });

  test('a network member’s town report compares with their own network, also where another comes first by name', async ({
    page,
  }) => {
    await signIn(page, DEMO.networkMember); // a member of NETWORK
    const soemmerda = (await townBySlug(page.request, 'soemmerda')) as { networkSlugs?: string[] };
    expect(soemmerda.networkSlugs?.[0]).not.toBe(NETWORK); // the Allianz „Thüringer Becken“ comes first by name
    expect(soemmerda.networkSlugs).toContain(NETWORK);
    await page.goto(`/berichte/stadt/soemmerda?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('combobox', { name: 'Vergleich mit Netzwerk' })).toHaveValue(NETWORK);
    await expect(page.locator('.report-table--sheet caption')).toContainText(
      '„Innenstädte erfolgreich machen“',
    );
  });

  test('the town page links to the report of the date shown, the network page (signed in) to its report', async ({
    page,
  }) => {
    await signIn(page, DEMO.viewerGotha);
    await page.goto(`/towns/gotha?asOf=${AS_OF}`);
    const link = page.getByRole('link', { name: 'Bericht für den Stadtrat (Stichtag 30.06.2025)' });
    await expect(link).toHaveAttribute('href', `/berichte/stadt/gotha?stichtag=${AS_OF}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/berichte/stadt/gotha\\?stichtag=${AS_OF}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innenstadtbericht Gotha');

    await page.goto(`/networks/${NETWORK}`);
    await expect(page.getByTestId('network-report-link')).toHaveAttribute(
      'href',
      new RegExp(`^/berichte/netzwerk/${NETWORK}\\?stichtag=\\d{4}-\\d{2}-\\d{2}$`),
    );
    // and to the last quarter end, the date a network meeting compares on (today is mid-quarter)
    const quarterEnd = lastQuarterEnd(todayIso());
    if (quarterEnd !== todayIso()) {
      const quarter = page.getByTestId('network-report-quarter-link');
      await expect(quarter).toHaveAttribute('href', `/berichte/netzwerk/${NETWORK}?stichtag=${quarterEnd}`);
      await expect(quarter).toHaveText(
        `Netzwerkbericht zum letzten Quartalsende (Stichtag ${quarterEnd.slice(8)}.${quarterEnd.slice(5, 7)}.${quarterEnd.slice(0, 4)})`,
      );
    }
    await page.context().clearCookies(); // anonymous visitors are told the report needs a sign-in
    await page.goto(`/networks/${NETWORK}`);
    await expect(page.getByText('Den Netzwerkbericht sehen angemeldete Mitglieder.')).toBeVisible();
    await expect(page.getByTestId('network-report-link')).toHaveCount(0);
    await expect(page.getByTestId('network-report-quarter-link')).toHaveCount(0);
  });

  test('a report without lang is in the app’s language, and the header’s switch switches the report', async ({
    page,
  }) => {
    await signIn(page, DEMO.viewerGotha);
    await page.goto(`/towns/gotha?asOf=${AS_OF}`);
    await page.getByTestId('language-switch').click(); // the app in English, kept for the next visit
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const link = page.getByTestId('town-report-link');
    await expect(link).toHaveAttribute('href', `/berichte/stadt/gotha?stichtag=${AS_OF}`);

    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`); // a fresh load: no lang in the address
    const article = page.locator('article.report');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText('Gotha town centre report');
    await expect(article).toHaveAttribute('lang', 'en');
    // The permanent link printed in the report names the language shown.
    await expect(article.locator('footer')).toContainText(`/berichte/stadt/gotha?stichtag=${AS_OF}&lang=en`);

    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText('Innenstadtbericht Gotha');
    await expect(article).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');

    // A shared link with lang shows that language (the app opens in it too); the header's switch still
    // switches the report, and the address no longer names a language.
    await signIn(page, DEMO.networkMember);
    await page.goto(`/berichte/netzwerk/${NETWORK}?stichtag=${AS_OF}&lang=en`);
    const network = page.locator('article.report');
    await expect(network).toHaveAttribute('data-report-ready', 'true', { timeout: 30_000 });
    await expect(network).toHaveAttribute('lang', 'en');
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(network).toHaveAttribute('lang', 'de');
    await expect(page).not.toHaveURL(/lang=/);
    await expect(page).toHaveURL(new RegExp(`stichtag=${AS_OF}`));
  });

  test('Back brings the previous date back into the report toolbar', async ({ page }) => {
    await signIn(page, DEMO.viewerGotha);
    await page.goto(`/berichte/stadt/gotha?stichtag=${AS_OF}`);
    const date = page.getByLabel('Stichtag');
    await expect(date).toHaveValue(AS_OF);
    await date.fill('2024-12-31');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect(page).toHaveURL(/stichtag=2024-12-31/);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`stichtag=${AS_OF}`));
    await expect(date).toHaveValue(AS_OF);
  });

  test('another town’s report is refused with a clear message', async ({ page }) => {
    await signIn(page, DEMO.viewerGotha);
    await page.goto(`/berichte/stadt/muehlhausen?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-error="forbidden"]')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Keine Berechtigung');
    const pdf = await page.request.get(`/api/reports/towns/muehlhausen.pdf?asOf=${AS_OF}`);
    expect(pdf.status()).toBe(403);
  });

  test('the server renders the report as a PDF with the town, the date, the KPIs and the map', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.viewerGotha);
    const gotha = await townBySlug(page.request, 'gotha');
    const kpis = await kpisOf(page, gotha.id);
    const res = await page.request.get(`/api/reports/towns/gotha.pdf?asOf=${AS_OF}&lang=de`, {
      timeout: 90_000,
    });
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const file = testInfo.outputPath('gotha.pdf');
    writeFileSync(file, await res.body());

    const text = plain(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Innenstadtbericht Gotha');
    expect(text).toContain(formatReportDate(AS_OF, 'de')); // 30. Juni 2025
    expect(text).toContain('© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)');
    expect(text).toContain('kpi-v2');
    expect(text).toMatch(
      new RegExp(`Leerstandsquote ${escape(plain(formatKpi('share', kpis.vacancyRate, 'de')))}`),
    );
    expect(text).toMatch(new RegExp(`Leerstehende Ladenlokale ${kpis.vacantUnits}\\b`));
    expect(text).toContain(plain(formatKpi('share', kpis.notInUseRate, 'de')));
    // every page names the report, its date and the demo data (a loose page in a council folder)
    const second = plain(execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' }));
    expect(second).toContain(
      `Innenstadtbericht Gotha · Stichtag: ${formatReportDate(AS_OF, 'de')} · Demodaten (synthetisch)`,
    );
    expect(second).toMatch(/Seite 2 von \d/);

    const prefix = testInfo.outputPath('gotha-page');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, prefix]);
    const png = await import('node:fs').then((fs) => fs.readFileSync(`${prefix}-1.png`));
    const pixels = await statusPixels(page, png);
    // The map's storefront dots: plenty of occupied blue and some vacant orange on page 1.
    expect(pixels.occupied).toBeGreaterThan(200);
    expect(pixels.vacant).toBeGreaterThan(20);
  });

  test('the network report shows the overview map of the visible towns, classed as /api/kpis says', async ({
    page,
  }) => {
    await signIn(page, DEMO.networkMember);
    const cities = (await (await page.request.get(`/api/cities?network=${NETWORK}`)).json()) as {
      id: string;
      slug: string;
      name: string;
      storefrontCount: number | null;
    }[];
    const visible = cities.filter((c) => c.storefrontCount !== null);
    expect(visible.length).toBeGreaterThan(1);
    const kpis = (await (
      await page.request.get(`/api/kpis?cityId=${visible.map((c) => c.id).join(',')}&asOf=${AS_OF}`)
    ).json()) as (Kpis & { cityId: string })[];

    await page.goto(`/berichte/netzwerk/${NETWORK}?stichtag=${AS_OF}`);
    await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
    const map = page.getByRole('img', {
      name: `Übersichtskarte des Netzwerks Innenstädte erfolgreich machen am 30. Juni 2025: ${visible.length} Städte, eingefärbt nach Leerstandsquote. Die Werte je Stadt stehen in der Tabelle „Städte im Netzwerk“.`,
    });
    await expect(map).toBeVisible();
    // One boundary per visible town, in the class of the rate /api/kpis gives for it.
    await expect(map.locator('path[data-town]')).toHaveCount(visible.length);
    // the measures by type say whose measures they count (a councillor reads only their own town's)
    const counted = (await (
      await page.request.get(`/api/kpis/interventions-by-type?network=${NETWORK}&asOf=${AS_OF}`)
    ).json()) as {
      towns: number;
      types: { type: string; tried: number; withObstacles: number; obstacles: { count: number }[] }[];
    };
    expect(counted.towns).toBe(cities.length);
    await expect(page.locator('section[aria-labelledby="report-bytype-title"] caption')).toHaveText(
      `Gezählt: die Maßnahmen von ${counted.towns} Städten des Netzwerks, deren Maßnahmen Sie lesen dürfen.`,
    );
    // what stood in the way most often, per type, with how many named any (the three most frequent)
    const shops = counted.types.find((x) => x.type === 'test_shop')!;
    expect(shops.withObstacles).toBeGreaterThan(0);
    const shopCell = page
      .locator('section[aria-labelledby="report-bytype-title"] tr', { hasText: 'Testladen' })
      .getByTestId('report-bytype-obstacles');
    await expect(shopCell).toContainText(`genannt bei ${shops.withObstacles} von ${shops.tried} erprobten`);
    await expect(shopCell).toContainText(
      new RegExp(`\\(${shops.obstacles[0]!.count}\\)`), // the most frequent with its count
    );
    expect((await shopCell.innerText()).match(/\(\d+\)/g)).toHaveLength(Math.min(3, shops.obstacles.length));
    for (const town of visible) {
      const rate = kpis.find((k) => k.cityId === town.id)!.vacancyRate;
      const cls = vacancyClassOf(rate);
      const shape = map.locator(`path[data-town="${town.slug}"]`);
      await expect(shape).toHaveAttribute('data-vacancy-class', String(cls ?? 'none'));
      if (cls !== null) await expect(shape).toHaveAttribute('fill', VACANCY_RATE_STEPS[cls]!.color);
      await expect(map.locator('text', { hasText: town.name })).toHaveCount(1);
    }
    await expect(map.locator('text', { hasText: '© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)' })).toHaveCount(1);
    await expect(map.locator('text', { hasText: /^\d+ km$/ })).toHaveCount(1);

    const legend = page.getByRole('list', { name: 'Legende: Leerstandsquote am Stichtag' });
    await expect(legend.getByRole('listitem')).toHaveText([
      /unter 5\s%/,
      /5\s% bis unter 10\s%/,
      /10\s% bis unter 15\s%/,
      /15\s% bis unter 20\s%/,
      /20\s% und mehr/,
      /keine Daten/,
    ]);
    // The figures as text: the map refers to the towns table, which lists every town's rate.
    const tableLink = page.getByRole('link', { name: '„Städte im Netzwerk“' });
    await expect(tableLink).toHaveAttribute('href', '#report-towns-title');
    await expect(page.locator('#report-towns-title')).toHaveText('Städte im Netzwerk');
    // the network's re-letting duration with the other figures of the distribution
    const summary = (await (
      await page.request.get(`/api/kpis/network-summary?network=${NETWORK}&asOf=${AS_OF}`)
    ).json()) as { kpis: { medianReLettingDays: { median: number | null } } };
    const reLetting = page.locator('tr[data-kpi="medianReLettingDays"]');
    await expect(reLetting.getByRole('rowheader')).toHaveText(
      'Median Wiedervermietungsdauer (Tage, 12 Monate)',
    );
    expect(plain(await reLetting.locator('.report-kpi-value').innerText())).toBe(
      plain(formatKpi('days', summary.kpis.medianReLettingDays.median, 'de')),
    );
    await expect(page.getByTestId('synthetic-notice')).toHaveText(
      'Demodaten: Die Ladenlokale aller Städte dieses Berichts sind synthetisch erzeugt und zeigen keine echte Lage; die Quoten sind erfunden.',
    );

    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });

  test('the English PDF of the network report is produced', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.networkMember);
    const res = await page.request.get(
      `/api/reports/networks/innenstaedte-erfolgreich-machen.pdf?asOf=${AS_OF}&lang=en`,
      {
        timeout: 90_000,
      },
    );
    expect(res.status()).toBe(200);
    const file = testInfo.outputPath('network.pdf');
    writeFileSync(file, await res.body());
    const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Network report');
    expect(text).toContain('30 June 2025');
    // The overview map with its legend and attribution, and its class colours on page 1.
    expect(text).toContain('Overview map');
    expect(text).toContain('no data');
    expect(text).toMatch(/under 5\s?%/);
    expect(text).toMatch(/20\s?% and more/);
    expect(text).toContain('© GeoBasis-DE / BKG 2016 (dl-de/by-2-0)');
    const prefix = testInfo.outputPath('network-page');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, prefix]);
    const png = await import('node:fs').then((fs) => fs.readFileSync(`${prefix}-1.png`));
    const classPixels = await colourPixels(page, png, VACANCY_RATE_STEPS.map((step) => step.color).slice(1));
    expect(classPixels.reduce((a, b) => a + b, 0)).toBeGreaterThan(500);
  });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
