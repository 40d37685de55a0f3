import { expect, test } from '@playwright/test';
import { seededTown } from './helpers';

const NETWORK = 'innenstaedte-erfolgreich-machen';

/** Town and network pages have German addresses like every other page; the English ones still lead there. */
test('the town and network pages live at /stadt/… and /netzwerk/…, and the links of the app lead there', async ({
  page,
}) => {
  const town = await seededTown(page.request);
  await page.goto(`/stadt/${town.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: town.name })).toBeVisible();
  await expect(page.getByText('Seite nicht gefunden')).toHaveCount(0);

  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: town.name }).click();
  await expect(page).toHaveURL(new RegExp(`/stadt/${town.slug}$`));

  await page.goto(`/netzwerk/${NETWORK}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Innenstädte erfolgreich machen');
});

test('a bookmark of an English address opens the page and shows its German address, query kept', async ({
  page,
}) => {
  const town = await seededTown(page.request);
  await page.goto(`/towns/${town.slug}?view=list&sort=street`);
  await expect(page).toHaveURL(new RegExp(`/stadt/${town.slug}\\?view=list&sort=street$`));
  await expect(page.getByTestId('storefront-table')).toBeVisible();

  await page.goto(`/networks/${NETWORK}`);
  await expect(page).toHaveURL(new RegExp(`/netzwerk/${NETWORK}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Innenstädte erfolgreich machen');
  // the English address replaced, not added: Back leads to the page before
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/stadt/${town.slug}\\?view=list&sort=street$`));
});
