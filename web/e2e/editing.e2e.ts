import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, signIn, signInApi } from './auth-helpers';
import {
  createVacantAtCentre,
  expectRendered,
  seededTown,
  type RenderedStorefront,
  type SeededTown,
} from './helpers';

let town: SeededTown;

test.beforeAll(async ({ request }) => {
  town = await seededTown(request);
});

/** Opens the town's map, waits until storefronts are drawn and opens the side panel of the first. */
async function openDrawnStorefront(page: Page): Promise<{ target: RenderedStorefront; panel: Locator }> {
  await page.goto(`/towns/${town.slug}`);
  const [target] = await expectRendered(page, (f) => f.length > 0, 'storefronts drawn');
  await page.goto(`/towns/${town.slug}?selected=${target!.id}`);
  return { target: target!, panel: page.getByTestId('storefront-panel') };
}

// Writes need a signed-in editor of the town (the seeded town is Mühlhausen, the demo editor's town).
test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.editorMuehlhausen);
});

test('a version conflict shows the other change next to the typed values and loses nothing of either', async ({
  page,
  request,
}) => {
  const { target, panel } = await openDrawnStorefront(page);
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  await panel.getByLabel('Notizen').fill('Meine Notiz: Schaufenster beklebt');

  // Meanwhile a colleague (another session of an editor of the town) saves a different note and a
  // frontage this user did not touch.
  const csrf = await signInApi(request, DEMO.editorMuehlhausen);
  const current = (await (await request.get(`/api/storefronts/${target.id}`)).json()) as {
    version: number;
    frontageM: number | null;
  };
  const theirFrontage = (current.frontageM ?? 0) + 1.5;
  const theirs = await request.patch(`/api/storefronts/${target.id}`, {
    data: { version: current.version, notes: 'Notiz der Kollegin', frontageM: theirFrontage },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(theirs.ok()).toBe(true);

  await panel.getByRole('button', { name: 'Speichern' }).click();
  const conflict = panel.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Notiz der Kollegin');
  await expect(conflict).toContainText('Meine Notiz: Schaufenster beklebt');
  await expect(panel.getByLabel('Notizen')).toHaveValue('Meine Notiz: Schaufenster beklebt');
  await expect(conflict.getByRole('row', { name: /Schaufensterfront/ })).toContainText('nicht geändert');
  // the floor by its name, not its code (ground, upper, basement)
  await expect(conflict.getByRole('row', { name: /^Geschoss/ })).toContainText(/(Erd|Ober|Unter)geschoss/);

  await conflict.getByRole('button', { name: 'Meine Eingaben trotzdem speichern' }).click();
  await expect(panel.getByRole('button', { name: 'Angaben bearbeiten' })).toBeVisible();
  const saved = (await (await request.get(`/api/storefronts/${target.id}`)).json()) as {
    notes: string;
    frontageM: number;
  };
  expect(saved.notes).toBe('Meine Notiz: Schaufenster beklebt');
  expect(saved.frontageM).toBe(theirFrontage); // the colleague's change to a field this user left alone stays
});

test('typed, unsaved input is not lost without a question: closing the panel, Back, another page, leaving', async ({
  page,
}) => {
  await page.goto(`/towns/${town.slug}?view=list`);
  const openFirst = () =>
    page.getByTestId('storefront-table').locator('tbody tr').first().getByRole('button').click();
  const panel = page.getByTestId('storefront-panel');
  const close = panel.getByRole('button', { name: 'Schließen' });
  const questions: string[] = [];
  let agree = false;
  page.on('dialog', (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    void (agree ? dialog.accept() : dialog.dismiss());
  });
  // Leaving or reloading the page: whether the browser is told to ask (beforeunload cancelled).
  const leavingAsks = (): Promise<boolean> =>
    page.evaluate(() => {
      const leaving = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(leaving);
      return leaving.defaultPrevented;
    });
  const question = 'confirm: Ungespeicherte Eingaben gehen verloren. Trotzdem fortfahren?';

  // Nothing typed: the panel closes without a question.
  await openFirst();
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  expect(await leavingAsks()).toBe(false);
  await close.click();
  await expect(panel).toHaveCount(0);
  expect(questions).toEqual([]);

  await openFirst();
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  await panel.getByLabel('Notizen').fill('Noch nicht gespeichert');
  await close.click(); // declined each time: the typed note stays
  await expect(panel.getByLabel('Notizen')).toHaveValue('Noch nicht gespeichert');
  await page.getByRole('link', { name: 'Vergleich' }).click(); // another page of the dashboard
  await expect(panel.getByLabel('Notizen')).toHaveValue('Noch nicht gespeichert');
  const address = page.url();
  const entries = await page.evaluate(() => window.history.length);
  await page.goBack(); // the browser's Back button
  await expect.poll(() => questions.length).toBe(3);
  await expect(page).toHaveURL(address);
  await expect(panel.getByLabel('Notizen')).toHaveValue('Noch nicht gespeichert');
  expect(questions).toEqual([question, question, question]);
  expect(await page.evaluate(() => window.history.length)).toBe(entries); // returned, not a new entry
  expect(await leavingAsks()).toBe(true);

  // Steps that keep the panel ask nothing: the map instead of the list, and back.
  await page.getByRole('button', { name: 'Karte' }).click();
  await expect(page).not.toHaveURL(/view=list/);
  await page.getByRole('button', { name: 'Liste' }).click();
  await expect(panel.getByLabel('Notizen')).toHaveValue('Noch nicht gespeichert');
  expect(questions).toHaveLength(3);

  agree = true;
  await close.click();
  await expect(panel).toHaveCount(0);
  expect(questions).toHaveLength(4);
  expect(await leavingAsks()).toBe(false); // agreed to lose it: nothing left to ask about

  // Saved input is no unsaved input.
  await openFirst();
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  await panel.getByLabel('Notizen').fill('Gespeichert');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByRole('button', { name: 'Angaben bearbeiten' })).toBeVisible();
  expect(await leavingAsks()).toBe(false);
  await close.click();
  await expect(panel).toHaveCount(0);
  expect(questions).toHaveLength(4);
});

test('numbers are read the German way, and text that is no number is refused at the field', async ({
  page,
  request,
}) => {
  const { target, panel } = await openDrawnStorefront(page);
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  const area = panel.getByLabel('Verkaufs- bzw. Nutzfläche (m²)');
  await area.fill('1.234,5');
  await expect(area).not.toHaveAttribute('aria-invalid');
  await area.fill('ca. 80');
  await expect(area).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('Bitte eine Zahl eingeben, z. B. 1.234,5')).toBeVisible();
  const before = (await (await request.get(`/api/storefronts/${target.id}`)).json()) as { version: number };
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(area).toBeVisible(); // still editing: nothing was sent
  expect(
    ((await (await request.get(`/api/storefronts/${target.id}`)).json()) as { version: number }).version,
  ).toBe(before.version);

  await area.fill('1.234,5 m²');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByRole('button', { name: 'Angaben bearbeiten' })).toBeVisible();
  const saved = (await (await request.get(`/api/storefronts/${target.id}`)).json()) as {
    floorAreaM2: number;
  };
  expect(saved.floorAreaM2).toBe(1234.5);
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  await expect(panel.getByLabel('Verkaufs- bzw. Nutzfläche (m²)')).toHaveValue('1234,5');
});

test('opening another storefront shows its own data, not the form of the one before', async ({ page }) => {
  await page.goto(`/towns/${town.slug}?view=list`);
  const rows = page.getByTestId('storefront-table').locator('tbody tr');
  await rows.nth(0).getByRole('button').click();
  const panel = page.getByTestId('storefront-panel');
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  await panel.getByLabel('Notizen').fill('Nur für das erste Ladenlokal');
  const second = await rows.nth(1).getByRole('button').innerText();
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message()); // the typed note would be lost: asked first
    void dialog.accept();
  });
  await rows.nth(1).getByRole('button').click(); // within the page: no reload
  expect(questions).toEqual(['Ungespeicherte Eingaben gehen verloren. Trotzdem fortfahren?']);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(second);
  await expect(panel.getByRole('button', { name: 'Angaben bearbeiten' })).toBeVisible();
  await expect(panel.getByLabel('Notizen')).toHaveCount(0);
});

test('a storefront added by clicking the map appears on the map and in the counts', async ({ page }) => {
  await page.goto(`/towns/${town.slug}`);
  await expectRendered(page, (f) => f.length > 0, 'storefronts drawn');
  const before = Number((await page.getByTestId('count-total').innerText()).replace(/\D/g, ''));
  await page.getByTestId('add-storefront').click();
  const map = page.getByTestId('town-map');
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width / 2 + 7, y: box.height / 2 + 9 } });
  await expect(page.getByText(/^Position: /)).toBeVisible();
  await page.getByLabel('Straße').fill('Teststraße');
  await page.getByLabel('Hausnummer').fill('99a');
  await page.getByRole('button', { name: 'Speichern' }).click();

  await expect(
    page.getByTestId('storefront-panel').getByRole('heading', { name: 'Teststraße 99a' }),
  ).toBeVisible();
  await expect(page.getByTestId('count-total')).toHaveText(new Intl.NumberFormat('de-DE').format(before + 1));
  const id = new URL(page.url()).searchParams.get('selected');
  await expectRendered(
    page,
    (f) => f.some((x) => x.id === id && x.status === 'vacant'),
    'the new storefront is drawn',
  );
});

test('a storefront can be added without a mouse: from the list view, at the map centre', async ({ page }) => {
  await page.goto(`/towns/${town.slug}?view=list`);
  await page.getByTestId('add-storefront').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ladenlokal hinzufügen' })).toBeFocused();
  await expectRendered(page, (f) => f.length > 0, 'the map is shown for the position');
  await page.getByTestId('use-map-centre').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Position: /)).toBeVisible();
  // The position alone is input: another page asks first (declined here, so the panel stays).
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Vergleich' }).click();
  expect(questions).toEqual(['Ungespeicherte Eingaben gehen verloren. Trotzdem fortfahren?']);
  const centre = await page.evaluate(() => window.__schaufensterMap!.getCenter().toArray());
  await page.getByLabel('Straße').fill('Tastaturweg');
  await page.getByLabel('Hausnummer').fill('1');
  await page.getByRole('button', { name: 'Speichern' }).click();
  const panel = page.getByTestId('storefront-panel');
  await expect(panel.getByRole('heading', { name: 'Tastaturweg 1' })).toBeVisible();
  const id = new URL(page.url()).searchParams.get('selected');
  const saved = (await (await page.request.get(`/api/storefronts/${id}`)).json()) as {
    location: { coordinates: [number, number] };
  };
  expect(saved.location.coordinates[0]).toBeCloseTo(centre[0], 5);
  expect(saved.location.coordinates[1]).toBeCloseTo(centre[1], 5);
});

test('marking a storefront as verified today shows the date, and the visit before it stays listed', async ({
  page,
}) => {
  await signIn(page, DEMO.editorMuehlhausen);
  // a demo unit walked before (the longest ago): units other tests created have no visit yet
  const oldest = (await (
    await page.request.get(`/api/storefronts?cityId=${town.id}&sort=verifiedAt&pageSize=1`)
  ).json()) as { items: { id: string }[] };
  const target = { id: oldest.items[0]!.id };
  await page.goto(`/towns/${town.slug}?selected=${target.id}`);
  const panel = page.getByTestId('storefront-panel');
  const visits = async () =>
    (
      (await (await page.request.get(`/api/storefronts/${target.id}/verifications`)).json()) as {
        visits: string[];
      }
    ).visits;
  const before = await visits();
  await panel.getByRole('button', { name: 'Heute vor Ort geprüft' }).click();
  const german = (d: Date) =>
    new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(d);
  await expect(panel.getByTestId('panel-verified')).toHaveText(german(new Date()));
  expect(await visits()).toHaveLength(before.length + 1);
  expect(before.length).toBeGreaterThan(0); // the demo's units were all walked before
  await expect(panel.getByTestId('panel-earlier-visits')).toContainText(german(new Date(before[0]!)));
});

test('an intervention recorded in the side panel is listed on the unit', async ({ page }) => {
  const { panel } = await openDrawnStorefront(page);
  await panel.getByRole('button', { name: 'Maßnahme erfassen' }).click();
  await panel.getByLabel('Titel').fill('Testladen Sommer');
  await panel.getByLabel('Budget (€)').fill('1.250,50');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByText('Testladen Sommer')).toBeVisible();
  await expect(panel.getByText('Testladen · Läuft')).toBeVisible();
  // Running since today (the form's start), no end yet: „seit …“, not „… – –“; the budget to the cent.
  const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(
    new Date(),
  );
  await expect(panel.getByText(`seit ${today} · 1.250,50 €`, { exact: true })).toBeVisible();
});

test('the unit’s notes are shown to its editors line by line, and not to a visitor', async ({
  page,
  browser,
  baseURL,
}) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Notizgasse', '2');
  const notes = 'Schlüssel bei der Hausverwaltung\nSchaufenster beklebt';
  const saved = await page.request.patch(`/api/storefronts/${id}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: 1, notes },
  });
  expect(saved.status()).toBe(200);

  await page.goto(`/towns/${town.slug}?selected=${id}`);
  const panel = page.getByTestId('storefront-panel');
  await expect(panel.getByRole('term').filter({ hasText: /^Notizen$/ })).toBeVisible();
  const shown = panel.getByTestId('panel-notes');
  await expect(shown).toHaveCSS('white-space', 'pre-line');
  expect(await shown.innerText()).toBe(notes); // the line break kept

  // A visitor who does not edit the town does not get the notes (the API leaves them out).
  const context = await browser.newContext({ baseURL });
  const visitor = await context.newPage();
  await visitor.goto(`/towns/${town.slug}?selected=${id}`);
  const visitorPanel = visitor.getByTestId('storefront-panel');
  await expect(visitorPanel.getByRole('heading', { level: 2 })).toHaveText('Notizgasse 2');
  await expect(visitorPanel.getByTestId('panel-verified')).toBeVisible();
  await expect(visitorPanel.getByTestId('panel-notes')).toHaveCount(0);
  await context.close();
});

test('a long value in the change history wraps inside the panel instead of widening it', async ({ page }) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Notizgasse', '4');
  const link = `https://hausverwaltung.example/objekte/${'0123456789'.repeat(8)}`; // no place to break
  const saved = await page.request.patch(`/api/storefronts/${id}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: 1, notes: link },
  });
  expect(saved.status()).toBe(200);

  await page.goto(`/towns/${town.slug}?selected=${id}`);
  await expect(page.getByTestId('change-history')).toContainText(`Notizen: – → ${link}`);
  const aside = page.locator('.town__aside');
  expect(await aside.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
});

test('an intervention is brought up to date: ended, lessons learned, the outcome a year later', async ({
  page,
}) => {
  const { target, panel } = await openDrawnStorefront(page);
  await panel.getByRole('button', { name: 'Maßnahme erfassen' }).click();
  await panel.getByLabel('Titel').fill('Pop-up Winter');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByText('Pop-up Winter')).toBeVisible();

  await panel.getByRole('button', { name: 'Pop-up Winter bearbeiten' }).click();
  const form = panel.getByTestId('intervention-edit');
  // a wrong budget: the save takes the focus to it (it had stayed on the button, nothing said)
  await form.getByLabel('Budget (€)').fill('viel');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByLabel('Budget (€)')).toBeFocused();
  await form.getByLabel('Budget (€)').fill('');
  await expect(form.getByLabel('Ende', { exact: true })).not.toHaveAttribute('required');
  await form.getByLabel('Stand', { exact: true }).selectOption({ label: 'Abgeschlossen' });
  await expect(form.getByLabel('Ende', { exact: true })).toHaveAttribute('required'); // as the API checks it
  // It ran in the winter before last: its 12-month check is due (a check is dated from a month before).
  const lastYear =
    Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date()).slice(0, 4)) -
    1;
  const [start, end] = [`${lastYear - 1}-11-01`, `${lastYear - 1}-12-31`];
  await form.getByLabel('Beginn').fill(start);
  await form.getByLabel('Ende', { exact: true }).fill(end);
  await form.getByLabel('Erkenntnisse').fill('Gute Lage, aber zu kurze Laufzeit für Stammkundschaft.');
  // what stood in its way, ticked from the list: one group with its legend and hint
  const obstacles = form.getByRole('group', { name: 'Hürden' });
  await expect(obstacles).toHaveAccessibleDescription(/Was stand im Weg\?/);
  await obstacles.getByLabel('Zu wenig Laufkundschaft').check();
  await obstacles.getByLabel('Miethöhe').check();
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByText('Gute Lage, aber zu kurze Laufzeit für Stammkundschaft.')).toBeVisible();
  // in the list's order, whatever the order they were ticked in
  await expect(panel.getByTestId('intervention-obstacles')).toHaveText(
    'Hürden: Miethöhe, Zu wenig Laufkundschaft',
  );
  // the form is gone with its message: the list says it, and the focus is back on the button
  await expect(panel.getByTestId('intervention-list-status')).toHaveText('Gespeichert.');
  await expect(panel.getByRole('button', { name: 'Pop-up Winter bearbeiten' })).toBeFocused();
  await expect(panel.getByText('Pop-up Winter').locator('..')).toContainText('Abgeschlossen');

  await panel.getByRole('button', { name: 'Pop-up Winter bearbeiten' }).click();
  await form.getByLabel(/regulären Mietvertrag unterschrieben/).selectOption({ label: 'ja' });
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
  await expect(form.getByText('Ergebnis gespeichert.')).toBeVisible();

  const list = (await (await page.request.get(`/api/interventions?storefrontId=${target.id}`)).json()) as {
    items: {
      title: string;
      state: string;
      endDate: string;
      lessonsLearned: string;
      obstacles: string[];
      outcomeChecks: unknown[];
    }[];
  };
  const saved = list.items.find((i) => i.title === 'Pop-up Winter')!;
  expect(saved).toMatchObject({ state: 'ended', endDate: end, obstacles: ['rent_level', 'footfall'] });
  expect(saved.outcomeChecks).toEqual([
    expect.objectContaining({ monthsAfterEnd: 12, regularLeaseSigned: true }),
  ]);
});

test('a test shop recorded in a vacant unit offers to record the unit as temporary use from its start', async ({
  page,
}) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Testladengasse', '1'); // vacant since 2024-01-01
  await page.goto(`/towns/${town.slug}?selected=${id}`);
  const panel = page.getByTestId('storefront-panel');
  await panel.getByRole('button', { name: 'Maßnahme erfassen' }).click();
  await panel.getByLabel('Titel').fill('Frei.Handel Probemonat');
  await panel.getByLabel('Beginn').fill('2025-06-01');
  await panel.getByRole('button', { name: 'Speichern' }).click();

  const suggestion = panel.getByTestId('temporary-use-suggestion');
  await expect(suggestion).toContainText('ab 01.06.2025 als Zwischennutzung');
  await suggestion.getByRole('button', { name: 'Zwischennutzung erfassen' }).click();
  const form = panel.getByRole('form', { name: 'Statuswechsel erfassen' });
  await expect(form.getByLabel('Gültig ab')).toHaveValue('2025-06-01');
  await expect(form.getByLabel('Neuer Status')).toHaveValue('temporary_use');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByTestId('panel-status')).toContainText('Zwischennutzung');
  await expect(suggestion).toHaveCount(0);
  const history = (await (await page.request.get(`/api/storefronts/${id}/occupancy`)).json()) as unknown[];
  expect(history).toEqual([
    expect.objectContaining({ status: 'vacant', validFrom: '2024-01-01', validTo: '2025-06-01' }),
    expect.objectContaining({ status: 'temporary_use', validFrom: '2025-06-01', validTo: null }),
  ]);

  // An event puts no one into the unit: nothing is offered.
  await panel.getByRole('button', { name: 'Maßnahme erfassen' }).click();
  await panel.getByLabel('Art der Maßnahme').selectOption({ label: 'Veranstaltung' });
  await panel.getByLabel('Titel').fill('Lesenacht');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByText('Lesenacht')).toBeVisible();
  await expect(suggestion).toHaveCount(0);
});

test('a form opened from the unit panel takes the keyboard focus to its heading; checking on site keeps it', async ({
  page,
}) => {
  const { panel } = await openDrawnStorefront(page);
  for (const name of ['Statuswechsel erfassen', 'Angaben bearbeiten', 'Maßnahme erfassen']) {
    await panel.getByRole('button', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(':focus')).toHaveText(name);
    await expect(page.locator(':focus')).toHaveRole('heading');
    await panel.getByRole('button', { name: 'Abbrechen' }).click();
  }
  const verify = panel.getByRole('button', { name: 'Heute vor Ort geprüft' });
  await verify.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByText('Als heute geprüft vermerkt.')).toBeVisible();
  await expect(verify).toBeFocused();
});

test('a refusal of the intervention form goes once the dates are corrected', async ({ page }) => {
  const { panel } = await openDrawnStorefront(page);
  await panel.getByRole('button', { name: 'Maßnahme erfassen' }).click();
  const form = panel.getByRole('form', { name: 'Maßnahme erfassen' });
  await form.getByLabel('Titel').fill('Pop-up mit Tippfehler');
  await form.getByLabel('Stand', { exact: true }).selectOption({ label: 'Abgeschlossen' });
  await form.getByLabel('Beginn').fill('2025-05-01');
  await form.getByLabel('Ende', { exact: true }).fill('2025-04-01');
  await form.getByRole('button', { name: 'Speichern' }).click();
  // the refusal stands at the end date (its field's error, not an alert of the form)
  await expect(form.getByLabel('Ende', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Ende', { exact: true }).fill('2025-06-01');
  await expect(form.getByLabel('Ende', { exact: true })).not.toHaveAttribute('aria-invalid');
  await expect(form.getByTestId('api-error')).toHaveCount(0);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByText('Pop-up mit Tippfehler')).toBeVisible();
});

test('a storefront entered in error is deleted after a confirmation', async ({ page }) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Aalgasse', '2'); // first in the list by street
  await page.goto('/kennzahlen');
  await page.goto(`/towns/${town.slug}?view=list&sort=street`);
  await page.getByRole('button', { name: /Aalgasse 2/ }).click(); // opening the unit adds a history entry
  const panel = page.getByTestId('storefront-panel');
  await panel.getByRole('button', { name: 'Ladenlokal löschen' }).click();
  await expect(panel.getByText(/Nur für Fehleingaben/)).toBeVisible();
  await panel.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page.getByTestId('storefront-panel')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/stadt/${town.slug}\\?view=list&sort=street$`));
  expect((await page.request.get(`/api/storefronts/${id}`)).status()).toBe(404);
  // The unit's entry went with it: Back neither reopens the panel of a unit that is gone nor shows the
  // same list again, but leads to the page before.
  await page.goBack();
  await expect(page).toHaveURL(/\/kennzahlen$/);
  // Deleting a unit opened by its link (no entry of the list before it): the entry is replaced.
  const other = await createVacantAtCentre(page, town, csrf, 'Doppelgasse', '4');
  await page.goto(`/towns/${town.slug}?selected=${other}`);
  await panel.getByRole('button', { name: 'Ladenlokal löschen' }).click();
  await panel.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page).toHaveURL(new RegExp(`/stadt/${town.slug}$`));
  await page.goBack();
  await expect(page).toHaveURL(/\/kennzahlen$/);
  await expect(page.getByTestId('storefront-panel')).toHaveCount(0);
});

test('a storefront is moved on the map: the position set is not lost without a question, then saved', async ({
  page,
}) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Umzugsgasse', '5');
  await page.goto(`/towns/${town.slug}?selected=${id}`);
  await page.getByTestId('storefront-panel').getByRole('button', { name: 'Position verschieben' }).click();
  await expect(page.getByRole('heading', { name: 'Position verschieben: Umzugsgasse 5' })).toBeVisible();
  const questions: string[] = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  // Nothing set yet: another page does not ask.
  await page.getByRole('link', { name: 'Vergleich' }).click();
  await expect(page).toHaveURL(/\/vergleich$/);
  expect(questions).toEqual([]);
  await expect(page.getByRole('heading', { level: 1, name: 'Städtevergleich' })).toBeVisible();
  await page.goBack();
  await page.getByTestId('storefront-panel').getByRole('button', { name: 'Position verschieben' }).click();
  // The way without a mouse: move the map, then take its centre.
  await page.evaluate(() => window.__schaufensterMap!.panBy([120, 80], { animate: false }));
  await page.getByTestId('use-map-centre').click();
  const centre = await page.evaluate(() => window.__schaufensterMap!.getCenter().toArray());
  await page.getByRole('link', { name: 'Vergleich' }).click();
  expect(questions).toEqual(['Ungespeicherte Eingaben gehen verloren. Trotzdem fortfahren?']);
  await expect(page).toHaveURL(new RegExp(`/stadt/${town.slug}`));
  await page.getByRole('button', { name: 'Position speichern' }).click();
  await expect(page.getByTestId('storefront-panel')).toBeVisible();
  const saved = (await (await page.request.get(`/api/storefronts/${id}`)).json()) as {
    location: { coordinates: [number, number] };
  };
  expect(saved.location.coordinates[0]).toBeCloseTo(centre[0], 5);
  expect(saved.location.coordinates[1]).toBeCloseTo(centre[1], 5);
  // Saved: leaving asks no more.
  await page.getByRole('link', { name: 'Vergleich' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Städtevergleich' })).toBeVisible();
  expect(questions).toHaveLength(1);
});

test('a wrongly recorded status change is corrected and then removed from the history', async ({ page }) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Verlaufsgasse', '3');
  const changed = await page.request.post(`/api/storefronts/${id}/status-changes`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: 1, date: '2025-03-01', status: 'occupied', useCategory: 'food_drink' },
  });
  expect(changed.status()).toBe(201);
  const history = async () =>
    (await (await page.request.get(`/api/storefronts/${id}/occupancy`)).json()) as {
      status: string;
      validFrom: string;
      validTo: string | null;
    }[];

  await page.goto(`/towns/${town.slug}?selected=${id}`);
  const timeline = page.getByTestId('occupancy-timeline');
  await timeline.getByRole('button', { name: /„Genutzt ab 01\.03\.2025“ korrigieren/ }).click();
  const form = timeline.getByTestId('period-correction');
  await form.getByLabel('Gültig ab').fill('2025-04-01');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form).toHaveCount(0);
  expect(await history()).toEqual([
    expect.objectContaining({ status: 'vacant', validFrom: '2024-01-01', validTo: '2025-04-01' }),
    expect.objectContaining({ status: 'occupied', validFrom: '2025-04-01', validTo: null }),
  ]);

  await timeline.getByRole('button', { name: /„Genutzt ab 01\.04\.2025“ korrigieren/ }).click();
  await form.getByRole('button', { name: 'Eintrag entfernen' }).click();
  await form.getByRole('button', { name: 'Endgültig entfernen' }).click();
  await expect(timeline.locator('li')).toHaveCount(1);
  expect(await history()).toEqual([expect.objectContaining({ status: 'vacant', validTo: null })]);
});

test('a colleague saves while a history entry is corrected: the correction is kept and saved on top when asked', async ({
  page,
}) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Konfliktgasse', '5');
  const changed = await page.request.post(`/api/storefronts/${id}/status-changes`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: 1, date: '2025-03-01', status: 'occupied', useCategory: 'food_drink' },
  });
  expect(changed.status()).toBe(201);

  await page.goto(`/towns/${town.slug}?selected=${id}`);
  const timeline = page.getByTestId('occupancy-timeline');
  await timeline.getByRole('button', { name: /„Genutzt ab 01\.03\.2025“ korrigieren/ }).click();
  const form = timeline.getByTestId('period-correction');
  await form.getByLabel('Gültig ab').fill('2025-04-01');

  // meanwhile a colleague records the floor area (version 2 → 3)
  const colleague = await page.request.patch(`/api/storefronts/${id}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: 2, floorAreaM2: 95 },
  });
  expect(colleague.status()).toBe(200);

  await form.getByRole('button', { name: 'Speichern' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Jemand anderes hat den Datensatz inzwischen geändert');
  await expect(form.getByLabel('Gültig ab')).toHaveValue('2025-04-01'); // nothing typed is lost
  await alert.getByRole('button', { name: 'Meine Änderungen auf den neuen Stand speichern' }).click();
  await expect(form).toHaveCount(0);

  const unit = (await (await page.request.get(`/api/storefronts/${id}`)).json()) as { floorAreaM2: number };
  expect(unit.floorAreaM2).toBe(95); // the colleague's change stays
  const history = (await (await page.request.get(`/api/storefronts/${id}/occupancy`)).json()) as {
    status: string;
    validFrom: string;
  }[];
  expect(history.map((p) => [p.status, p.validFrom])).toEqual([
    ['vacant', '2024-01-01'],
    ['occupied', '2025-04-01'],
  ]);
});

test('an intervention edited while the panel reloads does not undo a colleague’s change to other fields', async ({
  page,
}) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Konfliktgasse', '7');
  const created = await page.request.post('/api/interventions', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      cityId: town.id,
      type: 'pop_up',
      title: 'Pop-up Frühling',
      state: 'planned',
      storefrontIds: [id],
    },
  });
  expect(created.status()).toBe(201);
  const intervention = (await created.json()) as { id: string; version: number };

  await page.goto(`/towns/${town.slug}?selected=${id}`);
  const panel = page.getByTestId('storefront-panel');
  await panel.getByRole('button', { name: 'Pop-up Frühling bearbeiten' }).click();
  const form = panel.getByTestId('intervention-edit');
  await form.getByLabel('Erkenntnisse').fill('Schaufenster zuerst dekorieren.');

  // a colleague starts the pop-up; then a save elsewhere in the panel reloads its data
  const colleague = await page.request.patch(`/api/interventions/${intervention.id}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { version: intervention.version, state: 'running', startDate: '2026-03-01' },
  });
  expect(colleague.status()).toBe(200);
  await panel.getByRole('button', { name: 'Heute vor Ort geprüft' }).click();
  await expect(panel.getByTestId('panel-verified')).not.toHaveText('noch nie');
  await expect(form.getByLabel('Erkenntnisse')).toHaveValue('Schaufenster zuerst dekorieren.');

  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('alert')).toContainText('Jemand anderes hat den Datensatz inzwischen geändert');
  await form.getByRole('button', { name: 'Meine Änderungen auf den neuen Stand speichern' }).click();
  await expect(form).toHaveCount(0);

  const saved = (await (await page.request.get(`/api/interventions/${intervention.id}`)).json()) as {
    state: string;
    startDate: string;
    lessonsLearned: string;
  };
  expect(saved).toMatchObject({
    state: 'running', // not reverted to „geplant“ by a form that still showed it
    startDate: '2026-03-01',
    lessonsLearned: 'Schaufenster zuerst dekorieren.',
  });
});

test('a refused save says what is expected and takes the focus to the field; nothing is sent', async ({
  page,
}) => {
  const { panel } = await openDrawnStorefront(page);
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  const postcode = panel.getByLabel('Postleitzahl');
  await expect(postcode).toHaveAccessibleDescription('5 Ziffern, z. B. 99974');
  await postcode.fill('9997');
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') writes.push(`${r.method()} ${r.url()}`);
  });
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(postcode).toBeFocused();
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAccessibleDescription(
    'Bitte eine Postleitzahl aus 5 Ziffern eingeben, z. B. 99974 5 Ziffern, z. B. 99974',
  );
  // a wrong number further down: the first wrong field gets the focus
  await postcode.fill('99974');
  await panel.getByLabel('Verkaufs- bzw. Nutzfläche (m²)').fill('viel');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByLabel('Verkaufs- bzw. Nutzfläche (m²)')).toBeFocused();
  expect(writes).toEqual([]);
});

test('saving the form unchanged writes nothing: no new version, no empty change in the history', async ({
  page,
}) => {
  const { panel } = await openDrawnStorefront(page);
  await panel.getByRole('button', { name: 'Angaben bearbeiten' }).click();
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') writes.push(`${r.method()} ${r.url()}`);
  });
  await panel.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByRole('button', { name: 'Angaben bearbeiten' })).toBeVisible(); // the form closed
  expect(writes).toEqual([]);
});

test('a refusal about a date is shown at that date, which takes the focus (not an alert of its own)', async ({
  page,
}) => {
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const id = await createVacantAtCentre(page, town, csrf, 'Datumsgasse', '3'); // vacant since 2024-01-01
  await page.goto(`/towns/${town.slug}?selected=${id}`);
  const panel = page.getByTestId('storefront-panel');
  await panel.getByRole('button', { name: 'Statuswechsel erfassen' }).click();
  const change = panel.getByRole('form', { name: 'Statuswechsel erfassen' });
  const date = change.getByLabel('Gültig ab');
  await date.fill('2023-06-01');
  await change.getByRole('button', { name: 'Speichern' }).click();
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(
    /Das Datum liegt vor dem Beginn des aktuellen Status \(01\.01\.2024\)/,
  );
  await expect(change.getByRole('alert')).toHaveCount(0);
  await date.fill('2024-06-01'); // another date: the refusal no longer applies
  await expect(date).not.toHaveAttribute('aria-invalid');
  await change.getByRole('button', { name: 'Abbrechen' }).click();

  await panel.getByRole('button', { name: 'Maßnahme erfassen' }).click();
  await panel.getByLabel('Titel').fill('Datumsprobe');
  await panel.getByLabel('Beginn').fill('2025-06-01');
  await panel.getByLabel('Ende', { exact: true }).fill('2025-05-01');
  await panel.getByRole('button', { name: 'Speichern' }).click();
  const end = panel.getByLabel('Ende', { exact: true });
  await expect(end).toBeFocused();
  await expect(end).toHaveAccessibleDescription('Das Enddatum liegt vor dem Startdatum.');
});
