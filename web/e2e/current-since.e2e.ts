import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';
import { seededTown } from './helpers';

/**
 * Beside a business name the date that business came, not the start of the status run (which may be
 * an earlier tenant's); the status alone keeps its run's start, labelled as such.
 */
test('walk card, list and panel date the current business by its own start', async ({ page }) => {
  const town = await seededTown(page.request);
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const headers = { 'X-CSRF-Token': csrf };
  const street = `Prüfgasse ${Date.now() % 100000}`;
  const detail = (await (await page.request.get(`/api/cities/${town.slug}`)).json()) as {
    centre: { coordinates: [number, number] };
  };
  // occupied since 1950 (before any demo unit: first in the list sorted by „Status seit“), a new business from 2022
  const created = await page.request.post('/api/storefronts', {
    headers,
    data: {
      cityId: town.id,
      street,
      houseNumber: '2',
      location: { type: 'Point', coordinates: detail.centre.coordinates },
      initialStatus: { date: '1950-03-01', status: 'occupied', businessName: 'Café Alt' },
    },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const changed = await page.request.post(`/api/storefronts/${id}/status-changes`, {
    headers,
    data: { version: 1, date: '2022-05-01', status: 'occupied', businessName: 'Weinstube Neu' },
  });
  expect(changed.status()).toBe(201);

  await page.goto(`/begehung?stadt=${town.slug}&strasse=${encodeURIComponent(street)}&alle=1`);
  const card = page.getByTestId('walk-current');
  await expect(card).toHaveText('Genutzt · Weinstube Neu · hier seit 01.05.2022');

  await page.goto(`/towns/${town.slug}?view=list&status=occupied&sort=statusSince`);
  const row = page.getByTestId('storefront-table').locator('tbody tr').first();
  await expect(row).toContainText(`${street} 2`);
  await expect(row).toContainText('01.03.1950'); // the column says „Status seit“, the sort is by it
  await expect(row).toContainText('Weinstube Neu (hier seit 01.05.2022)');
  await expect(page.getByRole('columnheader', { name: /Status seit/ })).toBeVisible();

  await page.goto(`/towns/${town.slug}?selected=${id}`);
  await expect(page.getByTestId('panel-status')).toContainText('seit 01.03.1950');
  await expect(page.getByTestId('panel-business')).toHaveText('Weinstube Neu hier seit 01.05.2022');

  // the status alone: its run's start, named as such
  const vacated = await page.request.post(`/api/storefronts/${id}/status-changes`, {
    headers,
    data: { version: 2, date: '2024-02-01', status: 'vacant' },
  });
  expect(vacated.status()).toBe(201);
  await page.goto(`/begehung?stadt=${town.slug}&strasse=${encodeURIComponent(street)}&alle=1`);
  await expect(card).toHaveText('Leerstand · Status seit 01.02.2024');
});
