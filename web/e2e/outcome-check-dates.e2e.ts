import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './auth-helpers';
import { createEndedPopUp, createVacantAtCentre, seededTown } from './helpers';

const berlinDay = (d: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(d);
const daysAgo = (n: number): string => berlinDay(new Date(Date.now() - n * 86_400_000));

/**
 * The outcome form opens with the check that may be dated by now: a pop-up ended about eleven months
 * ago has its 6-month check due and its 12-month check not yet (its date field would have needed a
 * minimum after today, and the browser refused the save in its own words).
 */
test('the outcome form offers the check that is due, saves its defaults and explains a wrong date itself', async ({
  page,
}) => {
  const town = await seededTown(page.request);
  const csrf = await signIn(page, DEMO.editorMuehlhausen);
  const unit = await createVacantAtCentre(page, town, csrf, 'Ergebnisgasse', '3');
  const end = daysAgo(330);
  const since = { startDate: '2024-06-01' };
  const id = await createEndedPopUp(page, town, csrf, unit, 'Pop-up „Adventszauber“', {
    ...since,
    endDate: end,
  });
  await createEndedPopUp(page, town, csrf, unit, 'Pop-up Neujahr', { ...since, endDate: daysAgo(10) });

  await page.goto(`/towns/${town.slug}?selected=${unit}`);
  const panel = page.getByTestId('storefront-panel');
  await panel.getByRole('button', { name: 'Pop-up „Adventszauber“ bearbeiten' }).click();
  const form = panel.getByTestId('intervention-edit');
  const which = form.getByLabel('Prüfung');
  await expect(which).toHaveValue('6');
  const twelve = which.locator('option[value="12"]');
  await expect(twelve).toBeDisabled();
  await expect(twelve).toHaveText(/^nach 12 Monaten \(ab \d\d\.\d\d\.\d{4}\)$/);
  const checkedOn = form.getByLabel('Geprüft am');
  await expect(checkedOn).toHaveValue(daysAgo(0));

  // a date before the check may be dated: the dashboard says so at the field and keeps the focus there
  await checkedOn.fill(end);
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
  await expect(
    form.getByText(/Diese Prüfung kann frühestens am \d\d\.\d\d\.\d{4} stattgefunden haben/),
  ).toBeVisible();
  await expect(checkedOn).toBeFocused();
  await expect(checkedOn).toHaveAttribute('aria-invalid', 'true');

  await checkedOn.fill(daysAgo(0));
  await form.getByLabel(/regulären Mietvertrag unterschrieben/).selectOption({ label: 'nein' });
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
  await expect(form.getByText('Ergebnis gespeichert.')).toBeVisible();
  const saved = (await (await page.request.get(`/api/interventions/${id}`)).json()) as {
    outcomeChecks: unknown[];
  };
  expect(saved.outcomeChecks).toEqual([
    expect.objectContaining({ monthsAfterEnd: 6, checkedOn: daysAgo(0), regularLeaseSigned: false }),
  ]);
  await form.getByRole('button', { name: 'Abbrechen' }).click();

  // ended ten days ago: no check may be dated yet, the form says from when
  await panel.getByRole('button', { name: 'Pop-up Neujahr bearbeiten' }).click();
  await expect(panel.getByTestId('outcome-not-due')).toContainText(
    'Die erste Prüfung (nach 6 Monaten) kann ab dem',
  );
});
