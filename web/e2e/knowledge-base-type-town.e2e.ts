import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';
import { berlinToday } from './helpers';

const NETWORK = 'innenstaedte-erfolgreich-machen';

interface Listed {
  cityId: string;
  type: string;
  state: string;
  startDate: string | null;
  outcome12: { result: string };
}

/** A cell's words worked out from the interventions list (each with its own `outcome12`), not from the table's answer. */
function expectedCell(items: Listed[], cityId: string, type: string): string {
  const tried = items.filter(
    (i) => i.cityId === cityId && i.type === type && i.state !== 'planned' && i.startDate! <= berlinToday(),
  );
  const n = (result: string) => tried.filter((i) => i.outcome12.result === result).length;
  if (tried.length === 0) return '–nicht erprobt';
  if (tried.every((i) => i.outcome12.result === 'notMeasured'))
    return `${tried.length} erprobt (nicht erhoben)`;
  const words = [
    [n('success'), 'erfolgreich'],
    [n('failure'), 'ohne Erfolg'],
    [n('otherTenant'), 'anderweitig vermietet'],
    [n('overdue'), n('overdue') === 1 ? 'Kontrolle überfällig' : 'Kontrollen überfällig'],
    [n('pending'), 'noch offen'],
  ] as const;
  return `${tried.length} erprobt: ${words
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word}`)
    .join(', ')}`;
}

async function openTable(page: Page) {
  await signIn(page, DEMO.networkMember);
  await page.goto(`/massnahmen?netzwerk=${NETWORK}`);
  const table = page.getByTestId('by-type-town');
  await expect(table.locator('tbody tr')).toHaveCount(9);
  return table;
}

test('the knowledge base’s table „Art × Stadt“ says per town what was tried and how it turned out', async ({
  page,
}) => {
  const table = await openTable(page);
  const towns = (await (await page.request.get(`/api/cities?network=${NETWORK}`)).json()) as {
    id: string;
    name: string;
  }[];
  const { items } = (await (
    await page.request.get(`/api/interventions?network=${NETWORK}&pageSize=500`)
  ).json()) as { items: Listed[] };

  // header: „Art“, then one column per member town; a row header per type
  const header = table.locator('thead th');
  await expect(header.first()).toHaveText('Art');
  await expect(header.first()).toHaveAttribute('scope', 'col');
  const names = (await header.allInnerTexts()).slice(1);
  expect([...names].sort()).toEqual(towns.map((c) => c.name).sort());
  for (const th of await header.all()) await expect(th).toHaveAttribute('scope', 'col');
  await expect(table.locator('tbody th[scope="row"]').first()).toHaveText('Testladen');
  await expect(table.locator('caption')).toContainText('Maßnahmenart × Stadt');

  // the test shops of the town with the most of them, and a type without a measure
  const muehlhausen = towns.find((c) => c.name.startsWith('Mühlhausen'))!;
  const shops = table.locator(`tr[data-type="test_shop"] td[data-city-id="${muehlhausen.id}"]`);
  const shopText = expectedCell(items, muehlhausen.id, 'test_shop');
  expect(shopText).toMatch(/^\d+ erprobt: /);
  await expect(shops).toHaveText(shopText);
  for (const type of ['event', 'rent_subsidy', 'vacancy_exchange_listing']) {
    for (const town of towns) {
      await expect(table.locator(`tr[data-type="${type}"] td[data-city-id="${town.id}"]`)).toHaveText(
        expectedCell(items, town.id, type),
      );
    }
  }
  await expect(page.getByTestId('by-type-town-as-of')).toContainText('Stand ');
  await expect(page.getByTestId('kb-synthetic-notice')).toContainText('synthetisch');

  const results = await new AxeBuilder({ page })
    .include('[aria-labelledby="by-type-town-heading"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // the file: a line per type and town
  const download = page.waitForEvent('download');
  await page.getByTestId('by-type-town-csv').click();
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(await (await download).path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'Art;Stadt;Stichtag;Erprobt;Erfolgreich;Ohne Erfolg;Anderweitig vermietet;Kontrolle überfällig;Noch offen;Demodaten (synthetisch)',
  );
  expect(lines).toHaveLength(9 * towns.length + 1);
});

test('at 320 CSS px the table scrolls in its own box, not the page, and its box can be scrolled by keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const table = await openTable(page);
  const box = page.getByRole('region', { name: 'Maßnahmenart × Stadt (Tabelle)' });
  await expect(box).toBeVisible();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // the type stays in view while the towns scroll past
  const rowHeader = table.locator('tbody th').first();
  const { x } = (await rowHeader.boundingBox())!;
  expect(x).toBeGreaterThanOrEqual(0);

  const results = await new AxeBuilder({ page })
    .include('[aria-labelledby="by-type-town-heading"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
