import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';
import { berlinToday } from './helpers';

const NETWORK = 'innenstaedte-erfolgreich-machen';
/** The obstacles' German names and their order, as the dashboard has them. */
const LABELS = (
  JSON.parse(readFileSync(new URL('../src/i18n/de.json', import.meta.url), 'utf8')) as {
    interventionObstacle: Record<string, string>;
  }
).interventionObstacle;
const ORDER = Object.keys(LABELS);

interface Listed {
  id: string;
  type: string;
  state: string;
  startDate: string | null;
  obstacles: string[];
}

/** The summary's cell worked out from the interventions list, not from the summary's answer. */
function expectedCell(items: Listed[], type: string): string {
  const tried = items.filter(
    (i) => i.type === type && i.state !== 'planned' && i.startDate! <= berlinToday(),
  );
  const named = tried.filter((i) => i.obstacles.length > 0);
  if (named.length === 0) return tried.length ? 'keine erfasst' : '–';
  const counts = new Map<string, number>();
  for (const o of named.flatMap((i) => i.obstacles)) counts.set(o, (counts.get(o) ?? 0) + 1);
  const top = [...counts]
    .sort(([a, m], [b, n]) => n - m || ORDER.indexOf(a) - ORDER.indexOf(b))
    .slice(0, 3)
    .map(([o, n]) => `${LABELS[o]} (${n})`)
    .join(', ');
  return `${top} genannt bei ${named.length} von ${tried.length} erprobten`;
}

test('the knowledge base says per type what stood in the way most often, and finds the interventions by an obstacle', async ({
  page,
}) => {
  await signIn(page, DEMO.networkMember);
  await page.goto(`/massnahmen?netzwerk=${NETWORK}`);
  const { items } = (await (
    await page.request.get(`/api/interventions?network=${NETWORK}&pageSize=500`)
  ).json()) as { items: Listed[] };

  const summary = page.getByTestId('by-type');
  await expect(summary.locator('thead th').last()).toHaveText('Häufigste Hürden');
  const shops = summary.locator('tr[data-type="test_shop"] [data-testid="by-type-obstacles"]');
  const shopText = expectedCell(items, 'test_shop');
  expect(shopText).toMatch(/\(\d+\)/); // the demo data name obstacles of test shops
  await expect(shops).toHaveText(shopText);
  for (const type of ['pop_up', 'rent_subsidy', 'event']) {
    await expect(summary.locator(`tr[data-type="${type}"] [data-testid="by-type-obstacles"]`)).toHaveText(
      expectedCell(items, type),
    );
  }

  // the list filtered by one obstacle: exactly the interventions naming it, each saying so
  const withRent = items.filter((i) => i.obstacles.includes('rent_level'));
  expect(withRent.length).toBeGreaterThan(0);
  await page.getByLabel('Hürde', { exact: true }).selectOption({ label: 'Miethöhe' });
  await expect(page).toHaveURL(/huerde=rent_level/);
  await expect(page.getByTestId('kb-count')).toHaveText(
    `${withRent.length} ${withRent.length === 1 ? 'Maßnahme' : 'Maßnahmen'} gefunden`,
  );
  const shown = page.getByTestId('kb-entry-obstacles');
  await expect(shown).toHaveCount(withRent.length);
  for (const text of await shown.allInnerTexts()) expect(text).toMatch(/^Hürden: .*Miethöhe/);

  // a shared link keeps the filter
  await page.reload();
  await expect(page.getByLabel('Hürde', { exact: true })).toHaveValue('rent_level');
  await expect(page.getByTestId('kb-entry-obstacles')).toHaveCount(withRent.length);

  const results = await new AxeBuilder({ page })
    .include('.knowledge-base')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
