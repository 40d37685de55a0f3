import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';
import {
  berlinToday,
  createEndedPopUp,
  createIntervention,
  createVacantAtCentre,
  seededTown,
} from './helpers';

const AS_OF = '2026-01-15';
const plain = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');

/**
 * The council reads where a measure took place: the town report names the units' addresses beside a
 * title that names none, on the page and in the PDF, and no business name.
 */
test('the town report’s measures name the addresses of the units they used, on the page and in the PDF', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const town = await seededTown(page.request);
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const unit = await createVacantAtCentre(page, town, csrf, 'Adventsgasse', '4');
  const title = 'Pop-up-Store „Adventszauber“ 2025';
  await createEndedPopUp(page, town, csrf, unit, title, { startDate: '2025-11-20', endDate: '2025-12-31' });

  await page.goto(`/berichte/stadt/${town.slug}?stichtag=${AS_OF}`);
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const row = page.locator('.report-interventions tbody tr', { hasText: title });
  await expect(row.getByTestId('report-intervention-units')).toHaveText('Adventsgasse 4');
  await page.emulateMedia({ media: 'print' });
  await expect(row.getByTestId('report-intervention-units')).toBeVisible();

  const res = await page.request.get(`/api/reports/towns/${town.slug}.pdf?asOf=${AS_OF}&lang=de`, {
    timeout: 90_000,
  });
  expect(res.status()).toBe(200);
  const file = testInfo.outputPath('report-addresses.pdf');
  writeFileSync(file, await res.body());
  const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  // the measure is there, and its address under its title, before the type (pdftotext orders a row's
  // cells by the page's layout: on a page break its dates may come between title and address)
  expect(text).toContain('Pop-up-Store „Adventszauber“ 2025');
  expect(text).toMatch(/Adventsgasse 4 Pop-up-Store/);
});

test('the town report lists what the town had planned by its date, and nothing recorded after it', async ({
  page,
}) => {
  const town = await seededTown(page.request);
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const unit = await createVacantAtCentre(page, town, csrf, 'Planungsgasse', '7');
  const today = berlinToday();
  const nextYear = Number(today.slice(0, 4)) + 1;
  const title = `Testladen „Kohorte ${nextYear}“`;
  await createIntervention(page, csrf, {
    cityId: town.id,
    type: 'test_shop',
    title,
    state: 'planned',
    startDate: `${nextYear}-03-01`,
    endDate: `${nextYear}-08-31`,
    budgetEur: 14500,
    storefrontIds: [unit],
  });

  await page.goto(`/berichte/stadt/${town.slug}?stichtag=${today}`);
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const planned = page.getByRole('region', { name: 'Geplante Maßnahmen' });
  const row = planned.getByTestId('report-planned-row').filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Planungsgasse 7');
  await expect(row).toContainText(`01.03.${nextYear}`);
  await expect(row).toContainText(`bis 31.08.${nextYear}`);
  await expect(row).toContainText(/14\.500\s€/);
  // not among the measures begun by the date
  await expect(page.locator('.report-interventions tbody tr', { hasText: title })).toHaveCount(0);

  // a report dated before it was recorded did not know of it
  await page.goto(`/berichte/stadt/${town.slug}?stichtag=${AS_OF}`);
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Geplante Maßnahmen' })).toBeVisible();
  await expect(page.getByTestId('report-planned-row').filter({ hasText: title })).toHaveCount(0);
});
