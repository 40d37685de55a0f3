import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';

const NETWORK = 'innenstaedte-erfolgreich-machen';
const AS_OF = '2025-12-31';

interface TownKpis {
  cityId: string;
  units: number;
  vacancyRate: number | null;
  dataFreshness: number | null;
}

test('the benchmark page shows the towns and the values the API returns, in German format', async ({
  page,
  request,
}) => {
  const cities = (await (await request.get(`/api/cities?network=${NETWORK}`)).json()) as {
    id: string;
    name: string;
    storefrontCount: number | null;
  }[];
  const visible = cities.filter((c) => c.storefrontCount !== null);
  expect(visible.length).toBeGreaterThan(1);
  const res = await request.get(`/api/kpis?cityId=${visible.map((c) => c.id).join(',')}&asOf=${AS_OF}`);
  expect(res.ok()).toBe(true);
  const kpis = (await res.json()) as TownKpis[];

  await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}`);
  const table = page.getByTestId('kpi-table');
  await expect(table.locator('tbody tr')).toHaveCount(visible.length);
  const percent = new Intl.NumberFormat('de-DE', {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1, // „40,0 %“ beside „11,2 %“, as the reports print shares
  });
  const count = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
  for (const k of kpis) {
    const town = visible.find((c) => c.id === k.cityId)!;
    const row = table.locator(`tr[data-city-id="${k.cityId}"]`);
    await expect(row.getByRole('rowheader')).toContainText(town.name);
    await expect(row.locator('td[data-kpi="units"]')).toHaveText(count.format(k.units));
    await expect(row.locator('td[data-kpi="vacancyRate"]')).toHaveText(
      k.vacancyRate === null ? '–' : percent.format(k.vacancyRate),
    );
    await expect(row.locator('td[data-kpi="dataFreshness"]')).toHaveText(
      k.dataFreshness === null ? '–' : percent.format(k.dataFreshness),
    );
  }
  // The charts and their text alternatives are there; the median comes from the network summary.
  const summary = (await (
    await request.get(`/api/kpis/network-summary?network=${NETWORK}&asOf=${AS_OF}`)
  ).json()) as {
    kpis: { vacancyRate: { median: number } };
  };
  const ranked = page.getByTestId('ranked-chart');
  await expect(ranked.locator('.recharts-bar-rectangle')).toHaveCount(
    kpis.filter((k) => k.vacancyRate !== null).length,
  );
  await expect(ranked.locator('.chart__summary')).toContainText(
    `Netzwerk-Median: ${percent.format(summary.kpis.vacancyRate.median)}`,
  );
  await expect(page.getByTestId('series-chart')).toBeVisible();
  await expect(page.getByTestId('scatter-chart')).toBeVisible();
  // a visitor without a town of their own: no town singled out until they choose one
  await expect(page.getByTestId('no-my-town')).toContainText('Wählen Sie oben „Meine Stadt“');
  await expect(page.getByTestId('town-cards')).toHaveCount(0);
  await page.getByLabel('Meine Stadt').selectOption({ label: visible[0]!.name });
  await expect(page).toHaveURL(new RegExp(`myTown=${visible[0]!.id}`));
  await expect(page.getByTestId('town-cards')).toContainText('Veränderung zum Vorjahr');
  await expect(page.getByTestId('town-cards')).toContainText('Netzwerk-Median:');
  await expect(page.getByTestId('town-cards').getByRole('heading')).toContainText(
    'im Vergleich zum Netzwerk',
  );

  // Definitions are one click away.
  await table.getByRole('button', { name: 'Definition: Leerstandsquote', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Leerstehende Ladenlokale ÷ bestehende Ladenlokale');
  await page.getByRole('dialog').getByRole('button', { name: 'Schließen' }).click();

  // Sorting by vacancy rate puts the highest value first after two clicks.
  await table.getByRole('button', { name: 'Sortieren nach Leerstandsquote', exact: true }).click();
  await table.getByRole('button', { name: 'Sortieren nach Leerstandsquote', exact: true }).click();
  const top = [...kpis].sort((a, b) => (b.vacancyRate ?? -1) - (a.vacancyRate ?? -1))[0]!;
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-city-id', top.cityId);

  // CSV for German Excel: BOM, semicolons.
  const download = page.waitForEvent('download');
  await page.getByTestId('csv-download').click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(file, 'utf8');
  expect(csv.startsWith('\uFEFFStadt;Stichtag;Ladenlokale;Leerstandsquote (%)')).toBe(true);
  // demo data say so in the file too (every demo town is synthetic), and the table's „*“ is explained
  expect(csv.split('\r\n')[0]).toContain(
    ';Leerstehende Ladenlokale;Maßnahmen ausgewertet (bisher);davon in reguläre Miete;Innenstadtbereich vorläufig;Demodaten (synthetisch)',
  );
  expect(csv.split('\r\n')[1]).toMatch(/;(ja|nein);ja$/);
  await expect(page.getByTestId('placeholder-footnote')).toContainText('* vorläufiger Innenstadtbereich');

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the knowledge base finds an intervention by a word from its lessons learned', async ({ page }) => {
  await signIn(page, DEMO.networkMember);
  const all = (await (
    await page.request.get(`/api/interventions?network=${NETWORK}&pageSize=500`)
  ).json()) as {
    items: { id: string; title: string; lessonsLearned: string | null }[];
  };
  const withLessons = all.items.filter((i) => i.lessonsLearned);
  expect(withLessons.length).toBeGreaterThan(0);
  // A long word from some intervention's lessons that the German full-text search finds.
  let picked: { word: string; title: string } | undefined;
  for (const i of withLessons) {
    const words = (i.lessonsLearned!.match(/\p{L}{9,}/gu) ?? []).filter((w) => w !== 'Synthetische');
    for (const word of words) {
      const hits = (await (
        await page.request.get(
          `/api/interventions?network=${NETWORK}&q=${encodeURIComponent(word)}&pageSize=500`,
        )
      ).json()) as {
        items: { id: string }[];
        total: number;
      };
      if (hits.items.some((h) => h.id === i.id) && hits.total < all.items.length) {
        picked = { word, title: i.title };
        break;
      }
    }
    if (picked) break;
  }
  expect(picked, 'a word from the lessons learned that the search finds').toBeDefined();

  await page.goto('/massnahmen');
  await expect(page.getByRole('heading', { level: 1, name: 'Maßnahmen-Wissensdatenbank' })).toBeVisible();
  await expect(page.getByTestId('by-type')).toContainText('Testladen');
  await page.getByLabel('Suche in Erfahrungen (Volltext)').fill(picked!.word);
  await page.getByRole('button', { name: 'Suchen' }).click();
  const entry = page.getByTestId('kb-entry').filter({ hasText: picked!.title }).first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(picked!.word);
  await entry.getByText('Nutzung vorher/nachher zeigen').click();
  await expect(entry.getByRole('columnheader', { name: 'vor Beginn' })).toBeVisible();

  // The search and filters are in the address: a reload (or a colleague opening the link) shows the same.
  await page.getByLabel('Art', { exact: true }).selectOption('test_shop');
  await expect(page).toHaveURL(/suche=/);
  await expect(page).toHaveURL(/art=test_shop/);
  const shared = page.url();
  const count = await page.getByTestId('kb-entry').count();
  await page.goto(shared);
  await expect(page.getByLabel('Suche in Erfahrungen (Volltext)')).toHaveValue(picked!.word);
  await expect(page.getByLabel('Art', { exact: true })).toHaveValue('test_shop');
  await expect(page.getByTestId('kb-entry')).toHaveCount(count);

  // Each search is a step in the history: Back returns to the search before, box and list included.
  await page.getByLabel('Suche in Erfahrungen (Volltext)').fill('Zwischennutzungskonzeptxyz');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page).toHaveURL(/suche=Zwischennutzungskonzeptxyz/);
  await expect(page.getByTestId('kb-entry')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByLabel('Suche in Erfahrungen (Volltext)')).toHaveValue(picked!.word);
  await expect(page.getByTestId('kb-entry')).toHaveCount(count);
});

test('with an own selection of towns the cards compare with the selection’s median, not a network', async ({
  page,
  request,
}) => {
  const cities = (await (await request.get(`/api/cities?network=${NETWORK}`)).json()) as {
    id: string;
    storefrontCount: number | null;
  }[];
  const two = cities.filter((c) => c.storefrontCount !== null).slice(0, 2);
  await page.goto(`/vergleich?towns=${two.map((c) => c.id).join(',')}&asOf=${AS_OF}&myTown=${two[0]!.id}`);
  const cards = page.getByTestId('town-cards');
  await expect(cards.getByRole('heading')).toContainText('im Vergleich zur Auswahl');
  await expect(cards).toContainText('Median der Auswahl:');
  await expect(cards).not.toContainText('Netzwerk');
});

test('the knowledge base says when the API answered fewer interventions than it holds', async ({ page }) => {
  await signIn(page, DEMO.networkMember);
  await page.goto('/massnahmen');
  await expect(page.getByTestId('kb-entry').first()).toBeVisible();
  await expect(page.getByTestId('kb-truncated')).toHaveCount(0); // the demo's 80 fit into one answer

  // The same answer, but claiming 1,200 interventions (as a nation-wide installation would hold).
  await page.route('**/api/interventions?*', async (route) => {
    const answer = (await (await route.fetch()).json()) as { items: unknown[]; total: number };
    await route.fulfill({ json: { ...answer, total: 1200 } });
  });
  await page.reload();
  await expect(page.getByTestId('kb-truncated')).toContainText('nur');
  await expect(page.getByTestId('kb-truncated')).toContainText('1200');
});

test('the charts’ value axes run in round steps (2 %, not Recharts’ 3,5 %) to just past the highest value', async ({
  page,
}) => {
  // The towns' rates as the API answers them, the highest set to 13,9 %: Recharts alone would run the
  // axis in steps of 3,5 % (0 / 3,5 / 7 / 10,5 / 14 %); round steps of 2 % reach 14 % (lib/chart-axis.ts).
  await page.route('**/api/kpis?*', async (route) => {
    const answer = (await (await route.fetch()).json()) as TownKpis[];
    const rates = [0.139, 0.121, 0.104, 0.097, 0.088, 0.113, 0.106, 0.092, 0.131];
    await route.fulfill({ json: answer.map((k, i) => ({ ...k, vacancyRate: rates[i % rates.length] })) });
  });
  await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}`);
  for (const [chart, axis] of [
    ['scatter-chart', 'yAxis'],
    ['ranked-chart', 'xAxis'],
  ] as const) {
    const ticks = page
      .getByTestId(chart)
      .locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`);
    await expect(ticks).toHaveCount(8);
    expect((await ticks.allTextContents()).map((text) => text.replace(/[\s\u00a0\u202f]+/g, ' '))).toEqual([
      '0 %',
      '2 %',
      '4 %',
      '6 %',
      '8 %',
      '10 %',
      '12 %',
      '14 %',
    ]);
  }
});

test('the Gotha councillor finds Gotha marked in the ranking, with its rank said in words', async ({
  page,
}) => {
  await signIn(page, DEMO.viewerGotha);
  const cities = (await (await page.request.get(`/api/cities?network=${NETWORK}`)).json()) as {
    id: string;
    name: string;
    storefrontCount: number | null;
  }[];
  const visible = cities.filter((c) => c.storefrontCount !== null);
  const kpis = (await (
    await page.request.get(`/api/kpis?cityId=${visible.map((c) => c.id).join(',')}&asOf=${AS_OF}`)
  ).json()) as TownKpis[];
  const gotha = visible.find((c) => c.name === 'Gotha')!;
  const rated = kpis.filter((k) => k.vacancyRate !== null);
  const rank =
    rated.filter((k) => k.vacancyRate! > rated.find((g) => g.cityId === gotha.id)!.vacancyRate!).length + 1;

  await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}`);
  const ranked = page.getByTestId('ranked-chart');
  await expect(ranked.locator('.chart__summary')).toContainText(
    `Gotha steht an ${rank}. Stelle von ${rated.length}.`,
  );
  await expect(ranked.locator('.recharts-yAxis-tick-labels')).toContainText('► Gotha');
});

test('the series chart labels every year, and the reference date under its year', async ({ page }) => {
  await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}`);
  const labels = page.getByTestId('series-chart').locator('.recharts-xAxis-tick-labels text');
  await expect(labels.last()).toHaveText(`${AS_OF.slice(0, 4)}${AS_OF.slice(8, 10)}.${AS_OF.slice(5, 7)}.`);
  const years = (await labels.allTextContents()).map((text) => Number(text.slice(0, 4)));
  expect(years.length).toBeGreaterThan(5);
  // one label per year, none left out (the long date used to push the year before it off the axis)
  years.forEach((year, i) => expect(year).toBe(years[0]! + i));
});

test('the knowledge base marks its demo interventions as synthetic and offers only towns the member reads', async ({
  page,
}) => {
  await signIn(page, DEMO.networkMember);
  const cities = (await (await page.request.get('/api/cities')).json()) as {
    id: string;
    name: string;
    access: string;
  }[];
  const published = cities.filter((c) => c.access === 'public'); // open data: the map, not the interventions
  expect(published.length).toBeGreaterThan(0);
  await page.goto('/massnahmen');
  await expect(page.getByTestId('kb-entry').first()).toBeVisible();
  // Every demo intervention is synthetic: the page says so, and so does each entry.
  await expect(page.getByTestId('kb-synthetic-notice')).toContainText('synthetisch');
  const entries = await page.getByTestId('kb-entry').count();
  await expect(page.getByTestId('kb-entry-synthetic')).toHaveCount(entries);
  await expect(page.getByTestId('kb-entry-synthetic').first()).toHaveText('Demodaten');

  const offered = await page.getByLabel('Stadt', { exact: true }).locator('option').allTextContents();
  for (const town of published) expect(offered).not.toContain(town.name);
  const readable = cities.filter((c) => c.access === 'read' || c.access === 'edit');
  for (const town of readable) expect(offered).toContain(town.name);
});

test('the benchmark, the network page and the start page say that the demo towns’ figures are synthetic', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('units-hint')).toBeVisible();
  await expect(page.getByTestId('synthetic-towns-notice')).toContainText('synthetisch erzeugt');
  // a long town name stays inside its card
  const card = page.locator('.card').filter({ hasText: 'Bad Frankenhausen' });
  const [cardBox, nameWidth] = [
    (await card.boundingBox())!,
    await card.getByRole('link').evaluate((a) => a.scrollWidth),
  ];
  expect(nameWidth).toBeLessThanOrEqual(cardBox.width);
  await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}`);
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  await expect(page.getByTestId('synthetic-towns-notice')).toContainText('synthetisch erzeugt');
  await page.goto(`/networks/${NETWORK}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('synthetic-towns-notice')).toContainText('synthetisch erzeugt');
});

test('the benchmark prints without the navigation, its table with every column on landscape pages', async ({
  page,
}, testInfo) => {
  await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}`);
  await expect(page.getByTestId('kpi-table')).toBeVisible();
  const file = testInfo.outputPath('benchmark.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // the last column's header is on paper (it was cut after the fifth); the navigation is not
  expect(text).toContain('Wiedervermietungsdauer');
  expect(text).not.toContain('Maßnahmen-Wissen');
  const sizes = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(sizes)!;
  expect(Number(w)).toBeGreaterThan(Number(h)); // landscape
});

test('the knowledge base’s list as shown downloads as CSV for slides; the summary says what it counts', async ({
  page,
}) => {
  await signIn(page, DEMO.networkMember);
  await page.goto(`/massnahmen?netzwerk=${NETWORK}&art=test_shop`);
  const count = page.getByTestId('kb-count');
  await expect(count).toContainText('gefunden');
  const shown = await page.getByTestId('kb-entry').count();
  expect(shown).toBeGreaterThan(0);
  await expect(page.getByTestId('by-type-scope')).toContainText(
    'Beide Tabellen zählen alle Maßnahmen der Städte im Netzwerk „Innenstädte erfolgreich machen“. Suche und Filter (Art, Stand, Ergebnis, Hürde, Kosten) gelten nur für die Liste unten.',
  );
  const download = page.waitForEvent('download');
  await page.getByTestId('kb-csv').click();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(await (await download).path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toMatch(
    /^Stadt;Maßnahme;Art;Stand;Beginn;Ende;Ladenlokale;Kosten \(€\);Kosten je Ladenlokal \(€\);Ergebnis nach 12 Monaten;/,
  );
  expect(lines).toHaveLength(shown + 1); // only what the list shows, after the filter
  for (const line of lines.slice(1)) expect(line).toContain(';Testladen;');
  expect(lines[1]).toMatch(/;ja$/); // demo entries say so
});

test('the conversion rate stands with the cases it rests on, and the ranking names every tied town', async ({
  page,
}) => {
  await signIn(page, DEMO.networkMember);
  const cities = (await (await page.request.get(`/api/cities?network=${NETWORK}`)).json()) as {
    id: string;
    name: string;
    storefrontCount: number | null;
  }[];
  const visible = cities.filter((c) => c.storefrontCount !== null);
  const kpis = (await (
    await page.request.get(`/api/kpis?cityId=${visible.map((c) => c.id).join(',')}&asOf=${AS_OF}`)
  ).json()) as (TownKpis & {
    interventionConversionRate: number | null;
    interventionsEvaluated: number;
    interventionsConverted: number;
  })[];
  const rated = kpis.filter((k) => k.interventionConversionRate !== null);
  expect(rated.length).toBeGreaterThan(1);

  await page.goto(`/vergleich?network=${NETWORK}&asOf=${AS_OF}&kpi=interventionConversionRate`);
  const table = page.getByTestId('kpi-table');
  for (const k of rated) {
    await expect(
      table.locator(`tr[data-city-id="${k.cityId}"] td[data-kpi="interventionConversionRate"]`),
    ).toContainText(`(${k.interventionsConverted} von ${k.interventionsEvaluated})`);
  }
  // beside every bar, a 0 % one (no bar to label) too
  const ranked = page.getByTestId('ranked-chart');
  const cases = ranked.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /^\d+ von \d+$/ });
  await expect(cases).toHaveCount(rated.length);
  const shown = await cases.allTextContents();
  for (const k of rated)
    expect(shown).toContain(`${k.interventionsConverted} von ${k.interventionsEvaluated}`);
  // the lowest value as the sentence says it: every town that has it, or their number
  const lowest = Math.min(...rated.map((k) => k.interventionConversionRate!));
  const atLowest = rated
    .filter((k) => k.interventionConversionRate === lowest)
    .map((k) => visible.find((c) => c.id === k.cityId)!.name)
    .sort((a, b) => a.localeCompare(b, 'de'));
  const sentence = (await ranked.locator('.chart__summary').textContent()) ?? '';
  const bottom = /niedrigster: (.+?) \(/.exec(sentence)?.[1];
  if (atLowest.length > 3) expect(bottom).toBe(`${atLowest.length} Städte`);
  else expect(bottom?.split(/, | und /).sort((a, b) => a.localeCompare(b, 'de'))).toEqual(atLowest);
});
