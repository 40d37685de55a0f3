import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';

/** The site walk on a phone: street by street, confirm a unit with one tap or open it to change it. */
test.use({ viewport: { width: 360, height: 740 } });

test('a city manager walks a street: confirms a unit, sees the street’s count go down, opens another to change it', async ({
  page,
}) => {
  await signIn(page, DEMO.editorMuehlhausen);
  const overview = (await (await page.request.get('/api/cities/muehlhausen/walk')).json()) as {
    due: number;
    streets: { street: string; units: number; due: number }[];
  };
  const street = overview.streets.find((s) => s.due >= 2)!;
  expect(street).toBeDefined();

  await page.goto('/towns/muehlhausen');
  await page.getByTestId('town-walk-link').click();
  await expect(page).toHaveURL(/\/begehung\?stadt=muehlhausen/);
  await expect(page.getByRole('heading', { level: 1, name: 'Begehung' })).toBeVisible();
  await expect(page.getByTestId('walk-summary')).toContainText(`${overview.due.toLocaleString('de-DE')} von`);

  const select = page.getByLabel('Straße');
  await select.selectOption({ label: `${street.street} (${street.due} von ${street.units} fällig)` });
  await expect(page).toHaveURL(
    new RegExp(`strasse=${encodeURIComponent(street.street).replace(/%20/g, '(%20|\\+)')}`),
  );
  const cards = page.getByTestId('walk-unit');
  await expect(cards).toHaveCount(street.due); // only the units due
  await expect(page.getByRole('heading', { level: 2 })).toContainText(
    `${street.street}: ${street.due} Ladenlokal`,
  );

  const first = cards.first();
  const address = (await first.getByRole('heading').innerText()).split(' · ')[0]!;
  await first.getByRole('button', { name: `${address}: unverändert, heute geprüft` }).click();
  const done = first.getByRole('status');
  await expect(done).toHaveText('Heute geprüft ✓');
  await expect(done).toBeFocused(); // the button gave way; the focus did not drop to the page
  const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(
    new Date(),
  );
  await expect(first.getByTestId('walk-checked')).toHaveText(`zuletzt geprüft am ${today}`);
  await expect(cards).toHaveCount(street.due); // the checked unit stays in the list while walking
  await expect(select.locator('option:checked')).toHaveText(
    `${street.street} (${street.due - 1} von ${street.units} fällig)`,
  );

  // nothing widens the phone's page; no serious accessibility problem
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);

  // another unit is not as recorded: „Ändern“ opens it on the town's page
  const second = cards.nth(1);
  const secondAddress = (await second.getByRole('heading').innerText()).split(' · ')[0]!;
  await second.getByRole('link', { name: `${secondAddress} ändern` }).click();
  await expect(page).toHaveURL(/\/towns\/muehlhausen\?.*selected=/);
  await expect(page.getByRole('complementary').getByRole('heading', { level: 2 })).toContainText(
    secondAddress.split(' ')[0]!,
  );
});
