import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';
import { openFilters, seededTown, type SeededTown } from './helpers';

/**
 * What the usability review found on screen: the phone layout, how high the map starts on a laptop,
 * chart labels cut off, the order of towns, and the three different storefront counts and their labels.
 */

let town: SeededTown;

test.beforeAll(async ({ request }) => {
  town = await seededTown(request);
});

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
