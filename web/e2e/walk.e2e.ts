import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';

/** The site walk on a phone: street by street, confirm a unit with one tap or open it to change it. */
test.use({ viewport: { width: 360, height: 740 } });

interface Street {
  street: string;
  units: number;
  due: number;
}
interface Unit {
  id: string;
  houseNumber: string;
  street: string;
  floor: string;
  current: { status: string } | null;
}

test('a city manager walks a street: confirms a unit, changes another in its panel, goes on to the next street and back', async ({
  page,
}) => {
  await signIn(page, DEMO.editorMuehlhausen);
  const walk = async () =>
    (await (await page.request.get('/api/cities/muehlhausen/walk')).json()) as {
      due: number;
      streets: Street[];
    };
  const overview = await walk();
  // a street with at least two units due, one of them occupied (to record a closure in its panel)
  let street: Street | undefined;
  let due: Unit[] = [];
  for (const s of overview.streets.filter((x) => x.due >= 2)) {
    due = (
      (await (
        await page.request.get(
          `/api/cities/muehlhausen/walk/units?street=${encodeURIComponent(s.street)}&due=true`,
        )
      ).json()) as { items: Unit[] }
    ).items;
    if (due.slice(1).some((u) => u.current?.status === 'occupied')) {
      street = s;
      break;
    }
  }
  expect(street).toBeDefined();
  const s = street!;

  await page.goto('/towns/muehlhausen');
  await page.getByTestId('town-walk-link').click();
  await expect(page).toHaveURL(/\/begehung\?stadt=muehlhausen/);
  await expect(page.getByRole('heading', { level: 1, name: 'Begehung' })).toBeVisible();
  await expect(page.getByTestId('walk-summary')).toContainText(`${overview.due.toLocaleString('de-DE')} von`);

  const select = page.getByLabel('Straße');
  await select.selectOption({ label: `${s.street} (${s.due} von ${s.units} fällig)` });
  const heading = page.locator('#walk-street');
  const cards = page.getByTestId('walk-unit');
  await expect(cards).toHaveCount(s.due); // only the units due
  await expect(heading).toContainText(`${s.street}: ${s.due} Ladenlokale · 0 heute geprüft`);

  // 1. as recorded: confirmed with one tap; the card stays, the counts go down
  const first = cards.first();
  const address = `${due[0]!.street} ${due[0]!.houseNumber}`;
  await first.getByRole('button', { name: `${address}: unverändert, heute geprüft` }).click();
  const done = first.getByRole('status');
  await expect(done).toHaveText('Heute geprüft ✓');
  await expect(done).toBeFocused(); // the button gave way; the focus did not drop to the page
  const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(
    new Date(),
  );
  await expect(first.getByTestId('walk-checked')).toHaveText(`zuletzt geprüft am ${today}`);
  await expect(cards).toHaveCount(s.due);
  await expect(heading).toContainText('1 heute geprüft');
  await expect(select.locator('option:checked')).toHaveText(
    `${s.street} (${s.due - 1} von ${s.units} fällig)`,
  );

  // nothing widens the phone's page; no serious accessibility problem
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);

  // 2. not as recorded: its panel opens in the walk; the closure saved there counts as today's check
  const shop = due.slice(1).find((u) => u.current?.status === 'occupied')!;
  const shopAddress = `${shop.street} ${shop.houseNumber}`;
  await page.getByRole('button', { name: `${shopAddress} ändern` }).click();
  const panel = page.getByTestId('storefront-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(shopAddress);
  await panel.getByRole('button', { name: 'Statuswechsel erfassen' }).click();
  await panel.getByLabel('Neuer Status').selectOption('vacant');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByTestId('panel-saved')).toHaveText('Gespeichert.');
  await panel.getByRole('button', { name: 'Schließen' }).click();
  await expect(heading).toBeFocused(); // back in the street's list
  const changed = cards.filter({ hasText: shopAddress });
  await expect(changed).toContainText('Leerstand');
  await expect(changed.getByRole('status')).toHaveText('Heute geprüft ✓');
  await expect(heading).toContainText('2 heute geprüft');

  // 3. the walk goes on to the next street with units due; Back returns to this one, as it is now
  const after = (await walk()).streets.slice(overview.streets.findIndex((x) => x.street === s.street) + 1);
  const next = after.find((x) => x.due > 0)!;
  await page.getByTestId('walk-next-street').click();
  await expect(heading).toContainText(`${next.street}: `);
  await expect(heading).toBeFocused();
  await page.goBack();
  await expect(heading).toContainText(`${s.street}: ${s.due} Ladenlokale · 2 heute geprüft`);
  await expect(cards.first().getByRole('status')).toHaveText('Heute geprüft ✓');

  // a unit missing from the list is recorded on the map
  await expect(page.getByRole('link', { name: /mit „Ladenlokal hinzufügen“ erfassen/ })).toHaveAttribute(
    'href',
    '/stadt/muehlhausen',
  );
});

test('a link to a street no longer recorded, or to a town the user does not edit, says so', async ({
  page,
}) => {
  await signIn(page, DEMO.editorMuehlhausen);
  await page.goto('/begehung?stadt=muehlhausen&strasse=Nirgendwogasse');
  await expect(page.getByTestId('walk-unknown-street')).toContainText('„Nirgendwogasse“ ist in Mühlhausen');
  await expect(page.getByTestId('walk-unit')).toHaveCount(0);
  await page.goto('/begehung?stadt=gotha');
  await expect(page.getByTestId('walk-not-your-town')).toContainText('Sie bearbeiten Gotha nicht');
});
