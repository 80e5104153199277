// The card pages end to end: R2 cards and grouping, reservations (cancel, change
// pick-up, R3), fees (F1, RN5), history (H1: search, switch off, export), the overview, P3 (another
// account's card is a 404), axe on every page and the 360 px layout. Each test imports its own copy
// of the card scenario (test/scenarios/cards.ts) with a unique suffix into the shared e2e database.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { todayInBrussels } from '../lib/domain/dates';
import { cardScenario, SCENARIO_PASSWORD, type CardScenario } from '../test/scenarios/cards';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { signIn } from './support/sign-in';

async function setUp(page: Page, who: 'family' | 'mallory' = 'family'): Promise<CardScenario> {
  const suffix = Math.random().toString(36).slice(2, 7);
  const scenario = cardScenario(suffix, todayInBrussels(new Date()));
  await importScenario(page.request, scenario.document);
  await signIn(page, scenario.users[who], SCENARIO_PASSWORD);
  return scenario;
}

test('R2 loans of three libraries of a region under one card, per branch; another region on another card', async ({ page, checkA11y }) => {
  const s = await setUp(page);
  await page.goto(`/cards/${s.slugs.zo}`);
  await expect(page).toHaveURL(new RegExp(`/cards/${s.slugs.zo}/loans$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${s.names.zoRegion} – ${s.names.zottegem}`);
  const branches = page.locator('main h2');
  await expect(branches).toHaveText([
    new RegExp(`^9550 Herzele\\s*${s.names.herzele}$`),
    new RegExp(`^9860 Oosterzele\\s*${s.names.oosterzele}$`),
    new RegExp(`^3550 Zottegem\\s*${s.names.zottegem}$`),
    new RegExp(`^3551 Strijpen\\s*${s.names.zottegem}$`),
  ]);
  const zottegem = page.getByRole('table', { name: /3550 Zottegem/ });
  await expect(zottegem.getByRole('rowheader')).toHaveText([/Kuifje in Tibet/, /Max Havelaar/]);
  await expect(zottegem.getByRole('row', { name: /Kuifje in Tibet/ })).toContainText('over 2 dagen');
  await expect(zottegem.getByRole('row', { name: /Kuifje in Tibet/ })).toContainText('iemand anders wacht');
  await expect(zottegem.getByRole('row', { name: /Max Havelaar/ })).toContainText('Verlengbaar tot');
  await expect(page.getByRole('table', { name: /3551 Strijpen/ }).getByRole('row', { name: /De avonden/ })).toContainText('2 dagen te laat');
  await expect(page.getByRole('table', { name: /3551 Strijpen/ }).getByRole('row', { name: /De avonden/ })).toContainText('2 van 2');
  await checkA11y({ label: 'loans per branch' });

  await page.getByRole('link', { name: 'Op vervaldatum' }).click();
  await expect(page.getByRole('table', { name: 'Alle uitleningen op vervaldatum' }).getByRole('rowheader')).toHaveText([
    /De avonden/,
    /Kuifje in Tibet/,
    /Max Havelaar/,
    /De aanslag/,
    /Het Achterhuis/,
  ]);
  await checkA11y({ label: 'loans by due date' });

  // Another region: its own card in the chooser.
  await page.getByRole('navigation', { name: 'Je passen' }).getByRole('link', { name: new RegExp(s.names.leRegion) }).click();
  await expect(page).toHaveURL(new RegExp(`/cards/${s.slugs.le}/loans$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${s.names.leRegion} – ${s.names.deinze}`);
  await expect(page.getByRole('row', { name: /Het diner/ })).toContainText('openstaande bedragen bereiken de grens');
  await expect(page.getByText('Max Havelaar')).toHaveCount(0);
});

test('R3 cancel a reservation after confirming, and change the pick-up branch', async ({ page, checkA11y }) => {
  const s = await setUp(page);
  await page.goto(`/cards/${s.slugs.zo}/reservations`);
  const table = page.getByRole('table', { name: 'Je reserveringen' });
  await expect(table.getByRole('row', { name: /Het gouden ei/ })).toContainText('Klaar om af te halen tot en met');
  await expect(table.getByRole('row', { name: /De ontdekking van de hemel/ })).toContainText('plaats 2 in de rij');
  await expect(table.getByRole('row', { name: /De welwillenden/ })).toContainText('Onderweg');
  await checkA11y({ label: 'reservations' });

  // Cancel: the dialog first; "keep" changes nothing.
  await page.getByRole('button', { name: 'Reservering van Het gouden ei annuleren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reservering annuleren?' });
  await expect(dialog).toBeVisible();
  await checkA11y({ label: 'cancel dialog' });
  await dialog.getByRole('button', { name: 'Nee, behouden' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Reservering van Het gouden ei annuleren' }).click();
  await dialog.getByRole('button', { name: 'Ja, annuleren' }).click();
  await expect(table.getByRole('row', { name: /Het gouden ei/ })).toHaveCount(0);

  // Change pick-up (3b: any branch of the region), by keyboard.
  const select = page.getByLabel('Afhaalplaats voor De ontdekking van de hemel', { exact: true });
  await select.selectOption({ label: `9861 Scheldewindeke (${s.names.oosterzele})` });
  await page.getByRole('button', { name: 'Afhaalplaats voor De ontdekking van de hemel wijzigen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Afhaalplaats gewijzigd.')).toBeVisible();
  await page.reload();
  await expect(table.getByRole('row', { name: /De ontdekking van de hemel/ })).toContainText('9861 Scheldewindeke');

  // 3a: only the pick-up library's branches are offered.
  await page.goto(`/cards/${s.slugs.le}/reservations`);
  const options = page.getByLabel('Afhaalplaats voor Het verdriet van België', { exact: true }).locator('option');
  await expect(options).toHaveText([`9800 Deinze (${s.names.deinze})`, `9801 Astene (${s.names.deinze})`]);
});

test('F1 outstanding amounts per library with totals; RN5 blocking line', async ({ page, checkA11y }) => {
  const s = await setUp(page);
  await page.goto(`/cards/${s.slugs.zo}/fees`);
  await expect(page.getByText('Totaal op deze pas: € 2,50')).toBeVisible();
  await expect(page.getByRole('table', { name: `Openstaande bedragen bij ${s.names.oosterzele}` })).toContainText('Reservatiekosten');
  await expect(page.getByRole('table', { name: `Openstaande bedragen bij ${s.names.zottegem}` })).toContainText('€ 1,50');
  // (Next's route announcer is an alert too: look for ours by its text.)
  await expect(page.getByRole('alert').filter({ hasText: 'verlengen' })).toHaveCount(0);
  await checkA11y({ label: 'fees' });
  await page.goto(`/cards/${s.slugs.le}/fees`);
  await expect(page.getByRole('alert').filter({ hasText: 'verlengen' })).toContainText('je kunt niets verlengen');
  await checkA11y({ label: 'fees blocked' });
  await page.goto(`/cards/${s.slugs.gent}/fees`);
  await expect(page.getByRole('heading', { name: 'Je hebt geen openstaande bedragen op deze pas' })).toBeVisible();
});

test('H1 history: search, export as CSV, switch recording off', async ({ page, checkA11y }) => {
  const s = await setUp(page);
  await page.goto(`/cards/${s.slugs.zo}/history`);
  await expect(page.getByText('24 uitleningen')).toBeVisible();
  await expect(page.getByRole('navigation', { name: "Pagina's" })).toContainText('Pagina 1 van 2');
  await checkA11y({ label: 'history' });

  await page.getByLabel('Zoek op titel of auteur').fill('50%_');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByText('1 uitlening voor ‘50%_’')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteren als CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^leenhistoriek-${s.slugs.zo}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFTitel,Auteur,Bibliotheek,Vestiging,Geleend op,Teruggebracht op');
  expect(csv).toContain('Korting 50%_af,Zoë Zuinig');
  expect(csv).not.toContain('Max Havelaar');

  await page.getByRole('link', { name: 'Alles tonen' }).click();
  await page.getByRole('button', { name: 'Bijhouden uitzetten' }).click();
  await expect(page.getByRole('heading', { name: 'Je leenhistoriek wordt niet bijgehouden.' })).toBeVisible();
  // Nothing new is recorded from today; what was recorded stays until it is cleared.
  await expect(page.getByText('24 uitleningen')).toBeVisible();
  await checkA11y({ label: 'history off' });
});

test('the overview lists what needs attention on every card, each linking to its page (360 px wide)', async ({ page, checkA11y }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const s = await setUp(page);
  await page.goto('/overview');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  const zo = page.locator(`section[data-card="${s.slugs.zo}"]`);
  await expect(zo.getByRole('link', { name: /De avonden: 2 dagen te laat/ })).toBeVisible();
  await expect(zo.getByRole('link', { name: /Kuifje in Tibet: over 2 dagen/ })).toBeVisible();
  await expect(zo.getByRole('link', { name: /Het gouden ei: af te halen in 9860 Oosterzele/ })).toHaveAttribute('href', `/cards/${s.slugs.zo}/reservations`);
  await expect(zo.getByRole('link', { name: new RegExp(`lidmaatschap bij ${s.names.herzele} loopt af`) })).toBeVisible();
  const le = page.locator(`section[data-card="${s.slugs.le}"]`);
  await expect(le.getByRole('link', { name: /bereiken de grens van € 10,00/ })).toHaveAttribute('href', `/cards/${s.slugs.le}/fees`);
  await expect(page.locator(`section[data-card="${s.slugs.odd}"]`)).toContainText('geen actief lidmaatschap');
  await expect(page.getByText('Totaal openstaand: € 14,50')).toBeVisible();
  // Nothing wider than the screen at 360 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await checkA11y({ label: 'overview 360' });

  await zo.getByRole('link', { name: /De avonden/ }).click();
  await expect(page).toHaveURL(new RegExp(`/cards/${s.slugs.zo}/loans\\?view=due$`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await checkA11y({ label: 'loans 360' });
});

test("P3 another account's card URL is a 404 page", async ({ page, consoleErrors, checkA11y }) => {
  consoleErrors.allowed.push(/404/);
  const s = await setUp(page, 'mallory');
  for (const section of ['loans', 'reservations', 'fees', 'history']) {
    const response = await page.goto(`/cards/${s.slugs.le}/${section}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Deze pas vinden we niet' })).toBeVisible();
  }
  await checkA11y({ label: 'card not found' });
  expect((await page.request.get(`/api/cards/${s.slugs.le}/history`)).status()).toBe(404);
  // Her own card works, and shows only her own loan.
  await page.goto(`/cards/${s.slugs.zo}/loans`);
  await expect(page.getByRole('rowheader')).toHaveText([/Het boek van Mallory/]);
});
