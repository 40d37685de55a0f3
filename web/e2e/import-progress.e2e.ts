import { expect, test, type Page } from '@playwright/test';
import { DEMO, signInApi } from './auth-helpers';

/**
 * The commit's progress bar moves: a list large enough (20,000 rows, real size, no test hook) that the
 * commit takes seconds, so the page's polling of GET …/imports/{id} sees values between 0 and 100.
 */
const ROWS = 20_000;

/**
 * A town no other browser test looks at, and an editor of it made by the admin for this test, so that
 * 20,000 new units change nothing the other tests count (Mühlhausen's units, KPIs, proximity matches).
 */
async function editorOfQuietTown(page: Page): Promise<{ slug: string; centre: [number, number] }> {
  const adminCsrf = await signInApi(page.request, DEMO.admin);
  const cities = (await (await page.request.get('/api/cities')).json()) as { id: string; slug: string }[];
  const town = cities.find((c) => !['muehlhausen', 'gotha'].includes(c.slug))!;
  const detail = (await (await page.request.get(`/api/cities/${town.slug}`)).json()) as {
    centre: { coordinates: [number, number] };
  };
  const email = `progress-${Date.now()}@e2e.schaufenster.invalid`;
  const created = await page.request.post('/api/users', {
    headers: { 'X-CSRF-Token': adminCsrf },
    data: { email, displayName: 'Fortschritt E2E', grants: [{ role: 'city_editor', cityId: town.id }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
  const csrf = await signInApi(page.request, email, temporaryPassword);
  // a temporary password must be replaced before anything else
  const changed = await page.request.post('/api/auth/password', {
    headers: { 'X-CSRF-Token': csrf },
    data: { currentPassword: temporaryPassword, newPassword: 'Fortschritt-E2E-eigenes' },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  return { slug: town.slug, centre: detail.centre.coordinates };
}

/** A German semicolon list of ROWS new units on a grid of about 4 m around the centre. */
function largeList([lon, lat]: [number, number]): Buffer {
  const de = (n: number): string => n.toFixed(6).replace('.', ',');
  const lines = ['Objekt-Nr.;Straße;Hausnr.;PLZ;Status;Breite;Länge'];
  for (let i = 0; i < ROWS; i++) {
    const x = lon + ((i % 150) - 75) * 0.00006;
    const y = lat + (Math.floor(i / 150) - 67) * 0.00004;
    lines.push(
      `P2E-${i};Fortschrittsweg;${i + 1};99974;${i % 5 === 0 ? 'Leerstand' : 'belegt'};${de(y)};${de(x)}`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf-8');
}

test('the progress bar shows intermediate values while a large list is committed', async ({ page }) => {
  test.setTimeout(240_000);
  const town = await editorOfQuietTown(page);
  await page.goto(`/daten/import?stadt=${town.slug}`);
  await page.getByLabel('Datei (CSV, XLSX oder GeoJSON)').setInputFiles({
    name: 'fortschritt.csv',
    mimeType: 'text/csv',
    buffer: largeList(town.centre),
  });
  await page.getByRole('button', { name: 'Liste hochladen' }).click();
  await expect(page.getByTestId('upload-info')).toContainText(/20\.?000 Zeilen/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Probelauf starten' }).click();
  await expect(page.getByTestId('dry-run-summary-rejected')).toHaveText('0', { timeout: 90_000 });

  // Record every value the bar takes (a MutationObserver in the page: no value slips between polls).
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const record = () => {
      const bar = document.querySelector('[data-testid="commit-progress"] [role="progressbar"]');
      const value = bar?.getAttribute('aria-valuenow');
      if (value !== null && value !== undefined && seen[seen.length - 1] !== Number(value))
        seen.push(Number(value));
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
  await page.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.getByRole('progressbar', { name: 'Fortschritt des Imports' })).toBeVisible();
  await expect(page.getByTestId('commit-result')).toContainText('Import abgeschlossen.', {
    timeout: 180_000,
  });

  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(
    seen.some((v) => v > 0 && v < 100),
    `values seen: ${seen.join(', ')}`,
  ).toBe(true);
  // The bar only moves forward.
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  await expect(page.getByTestId('commit-summary-created')).not.toHaveText('0');
  await expect(page.getByTestId('commit-summary-rejected')).toHaveText('0');
});
