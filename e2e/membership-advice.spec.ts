// The documents' membership advice end to end (R5/R7/R8, R12), on a scenario made with the
// importer (test/scenarios/membership-advice.ts, dates relative to the real today): one expiring
// membership next to a continuing one gets the advice on the overview and on Info lidmaatschap,
// and a guest membership registered while the home membership was not valid gets the R12 message
// (contact your own library); axe finds nothing on either page.
import { todayInBrussels } from '../lib/domain/dates';
import { ADVICE_PASSWORD, adviceScenario } from '../test/scenarios/membership-advice';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { signIn } from './support/sign-in';

test('R5 R7 R12 advice on the overview and Info lidmaatschap', async ({ page, checkA11y }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const s = adviceScenario(todayInBrussels(new Date()), suffix);
  const report = await importScenario(page.request, s.document);
  // R12 in the import report, by JSON path.
  expect(report.warnings.map((w) => w.path)).toEqual(['patrons[0].guestMemberships[0]']);
  await signIn(page, s.users.kim, ADVICE_PASSWORD);
  // As the portal writes a date (lib/i18n/format formatDateOnly, nl-BE).
  const end = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(
    new Date(`${s.dates.expiringEnd}T12:00:00Z`),
  );

  await page.goto('/overview');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  const region = page.locator('section', { has: page.getByRole('heading', { level: 2, name: new RegExp(s.names.region) }) });
  const advice = region.getByTestId('membership-advice');
  await expect(advice).toContainText(`Je lidmaatschap bij ${s.names.noordhout} vervalt op het einde van de maand (${end}).`);
  await expect(advice).toContainText(`Je hoeft niet te verlengen: via je lidmaatschap bij ${s.names.zuidhout} blijf je in de hele regio lenen.`);
  await expect(advice).toContainText('aan het begin van de volgende maand');
  await expect(advice).toContainText(`Verleng wel je lidmaatschap bij ${s.names.noordhout} als je ${s.names.ebooks} wilt blijven gebruiken`);
  await expect(advice).toContainText('In de regio betaal je de bijdrage maar één keer');
  const guest = page.locator('section', { has: page.getByRole('heading', { level: 2, name: s.names.guestLibrary }) });
  await expect(guest.getByTestId('guest-r12')).toContainText(
    `Gastlidmaatschap bij ${s.names.guestLibrary}: bij je inschrijving was je lidmaatschap bij je thuisbibliotheek (${s.isils.home}) niet geldig. Neem contact op met je eigen bibliotheek.`,
  );
  await checkA11y({ label: 'overview with membership advice' });

  await page.goto('/memberships');
  await expect(page.getByRole('heading', { level: 1, name: 'Info lidmaatschap' })).toBeVisible();
  const warning = page.getByTestId('warning-r7');
  await expect(warning).toContainText(`Je lidmaatschap bij ${s.names.noordhout} vervalt op het einde van de maand (${end}).`);
  await expect(warning).toContainText(`via je lidmaatschap bij ${s.names.zuidhout} blijf je in de hele regio lenen`);
  await expect(warning).toContainText('In de regio betaal je de bijdrage maar één keer');
  await expect(page.getByTestId('guest-r12')).toContainText(
    'Bij je inschrijving als gastlener was je lidmaatschap bij je thuisbibliotheek',
  );
  await expect(page.getByTestId('guest-r12')).toContainText('Neem contact op met je eigen bibliotheek.');
  await checkA11y({ label: 'Info lidmaatschap with membership advice' });
});
