// R14 one actor, end to end: a Dutch guest library exports its own record of a patron under the
// home card number (with the same PIN), as Wise registers guests. The patron, signed in with the
// account of the home record, links the guest record on Info lidmaatschap: without naming the
// library the portal asks which one (never picks the first), then with the guest library chosen
// in the form it links exactly that record, which then shows under Info lidmaatschap. Axe clean.
import { expect, test } from './support/fixtures';
import { importScenario, type NetworkDocument } from './support/scenario';
import { signIn } from './support/sign-in';

const PASSWORD = 'e2e gastlenen wachtwoord';
const PIN = '8642';

/** Codes, names and the card number of this test alone (the e2e database is shared by every spec). */
function ids() {
  const n = Math.floor(Math.random() * 1e9).toString().padStart(9, '0');
  const s = n.slice(0, 6);
  return {
    s,
    homeIsil: `NL-T${s}0001`,
    guestIsil: `NL-W${s}0001`,
    homeLib: `Bibliotheek Thuishaven ${s}`,
    guestLib: `Bibliotheek Gastvrij ${s}`,
    card: `2000${n}7`,
    username: `gast.${s}`,
  };
}

function scenario(i: ReturnType<typeof ids>): NetworkDocument {
  return {
    format: 'mijn-bibliotheek/network@1',
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', library: i.homeIsil, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 20 },
      { code: 'GAST', name: 'Gast', library: i.guestIsil, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 10 },
    ],
    libraries: [
      { isil: i.homeIsil, name: i.homeLib, country: 'NL', branches: [{ code: 'T1', name: 'Thuis' }] },
      { isil: i.guestIsil, name: i.guestLib, country: 'NL', branches: [{ code: 'W1', name: 'Gastvrij' }] },
    ],
    patrons: [
      {
        key: `guest-home-${i.s}`, givenName: 'Greet', familyName: `Gast ${i.s}`,
        memberships: [{ library: i.homeIsil, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }],
        cards: [{ library: i.homeIsil, number: i.card, pin: PIN }],
      },
      {
        // The guest library's own record of the same person, under the home card number.
        key: `guest-guest-${i.s}`, givenName: 'Greet', familyName: `Gast ${i.s}`,
        guestMemberships: [
          {
            library: i.guestIsil, type: 'GAST', registeredOn: '2026-02-01',
            homeIsil: i.homeIsil, homeCardNumber: i.card, homeValidUntil: '2030-12-31', homeCheckedOn: '2026-02-02', loanStrips: 125,
          },
        ],
        cards: [{ library: i.guestIsil, number: i.card, pin: PIN }],
      },
    ],
    accounts: [{ username: i.username, email: `${i.username}@example.nl`, password: PASSWORD, patrons: [`guest-home-${i.s}`] }],
  };
}

test.beforeEach(async ({ page }) => {
  // Per-test client address, so throttles per client never couple tests.
  const r = () => Math.floor(Math.random() * 250) + 1;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${r()}.${r()}.${r()}` });
});

test('R14 link the guest library\'s record under the home card number by choosing the library', async ({ page, request, checkA11y }) => {
  test.setTimeout(90_000);
  const i = ids();
  await importScenario(request, scenario(i));
  await signIn(page, i.username, PASSWORD);
  await page.goto('/memberships');
  await expect(page.getByRole('heading', { level: 1, name: 'Info lidmaatschap' })).toBeVisible();
  await expect(page.getByRole('region', { name: i.homeLib })).toBeVisible();
  await expect(page.getByRole('region', { name: i.guestLib })).toHaveCount(0);

  // Without a library: the number and PIN prove two records, so the portal asks which library.
  const library = page.getByLabel('Bibliotheek van de pas');
  await expect(library).toHaveValue('');
  await page.getByLabel('Pasnummer van de andere pas').fill(i.card);
  await page.getByLabel('Pincode van die pas').fill(PIN);
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'horen bij meer dan één bibliotheek' })).toBeVisible();
  await expect(library).toBeFocused();
  await expect(page.getByText('Kies de bibliotheek van deze pas.')).toBeVisible();
  await expect(page.getByRole('region', { name: i.guestLib })).toHaveCount(0);
  await checkA11y({ label: 'memberships, choose the library' });

  // The guest library chosen: exactly that record is linked, and shows under Info lidmaatschap.
  await library.selectOption({ label: i.guestLib });
  await page.getByLabel('Pasnummer van de andere pas').fill(i.card);
  await page.getByLabel('Pincode van die pas').fill(PIN);
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het lidmaatschap is gekoppeld.' })).toBeVisible();
  const guestCard = page.getByRole('region', { name: i.guestLib });
  await expect(guestCard).toBeVisible();
  await expect(guestCard.getByText(`•••• ${i.card.slice(-4)}`).first()).toBeVisible();
  await expect(page.getByRole('region', { name: i.homeLib })).toBeVisible();
  await checkA11y({ label: 'memberships with the guest record linked' });

  // After a reload too (the link is stored, not just shown).
  await page.reload();
  await expect(page.getByRole('region', { name: i.guestLib })).toBeVisible();
});
