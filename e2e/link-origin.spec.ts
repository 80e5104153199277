// P2 who linked what, end to end: a patron signed in with the account the library imported links a
// second card with its number and PIN. Info lidmaatschap then says when and how each record was
// linked ("door de bibliotheek", "met pas en pincode"), and the notice of the link lands in the
// outbox for the account's (verified, imported) address — naming the library, not the card number.
// Axe clean.
import { expect, test } from './support/fixtures';
import { mailTo } from './support/outbox';
import { importScenario, type NetworkDocument } from './support/scenario';
import { signIn } from './support/sign-in';

const PASSWORD = 'e2e koppelherkomst wachtwoord';
const PIN = '5319';

/** Codes, names and card numbers of this test alone (the e2e database is shared by every spec). */
function ids() {
  const n = Math.floor(Math.random() * 1e9).toString().padStart(9, '0');
  const s = n.slice(0, 6);
  return {
    s,
    firstIsil: `NL-K${s}0001`,
    secondIsil: `NL-L${s}0001`,
    firstLib: `Bibliotheek Eerstehuis ${s}`,
    secondLib: `Bibliotheek Tweedehuis ${s}`,
    firstCard: `2100${n}3`,
    secondCard: `2200${n}5`,
    username: `koppel.${s}`,
  };
}

function scenario(i: ReturnType<typeof ids>): NetworkDocument {
  return {
    format: 'mijn-bibliotheek/network@1',
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', library: i.firstIsil, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 20 },
      { code: 'VOLW', name: 'Volwassene', library: i.secondIsil, loanPeriodDays: 21, maxRenewals: 2, maxLoans: 20 },
    ],
    libraries: [
      { isil: i.firstIsil, name: i.firstLib, country: 'NL', branches: [{ code: 'K1', name: 'Eerste' }] },
      { isil: i.secondIsil, name: i.secondLib, country: 'NL', branches: [{ code: 'L1', name: 'Tweede' }] },
    ],
    patrons: [
      {
        key: `origin-first-${i.s}`, givenName: 'Koen', familyName: `Koppel ${i.s}`,
        memberships: [{ library: i.firstIsil, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }],
        cards: [{ library: i.firstIsil, number: i.firstCard, pin: PIN }],
      },
      {
        key: `origin-second-${i.s}`, givenName: 'Koen', familyName: `Koppel ${i.s}`,
        memberships: [{ library: i.secondIsil, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }],
        cards: [{ library: i.secondIsil, number: i.secondCard, pin: PIN }],
      },
    ],
    accounts: [{ username: i.username, email: `${i.username}@example.nl`, password: PASSWORD, patrons: [`origin-first-${i.s}`] }],
  };
}

/** Today in Brussels as the portal writes it in Dutch (e2e specs do not import lib/i18n). */
const todayNl = () =>
  new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date());

test.beforeEach(async ({ page }) => {
  // Per-test client address, so throttles per client never couple tests.
  const r = () => Math.floor(Math.random() * 250) + 1;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${r()}.${r()}.${r()}` });
});

test('P2 Info lidmaatschap shows how each record was linked; the link is mailed to the verified address', async ({ page, request, checkA11y }) => {
  test.setTimeout(90_000);
  const i = ids();
  await importScenario(request, scenario(i));
  await signIn(page, i.username, PASSWORD);
  await page.goto('/memberships');
  await expect(page.getByRole('heading', { level: 1, name: 'Info lidmaatschap' })).toBeVisible();
  const linked = page.getByRole('region', { name: 'Gekoppelde klantrecords' });
  await expect(linked.getByText(/^Gekoppeld op .+ door de bibliotheek\.$/)).toHaveCount(1);

  const linkedAt = Date.now();
  await page.getByLabel('Pasnummer van de andere pas').fill(i.secondCard);
  await page.getByLabel('Pincode van die pas').fill(PIN);
  await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het lidmaatschap is gekoppeld.' })).toBeVisible();
  await expect(linked.getByText(`Gekoppeld op ${todayNl()} met pas en pincode.`)).toBeVisible();
  await expect(linked.getByText(/^Gekoppeld op .+ door de bibliotheek\.$/)).toHaveCount(1);
  await checkA11y({ label: 'memberships with how each record was linked' });

  const mail = await mailTo(`${i.username}@example.nl`, linkedAt);
  expect(mail).toContain('Een pas is gekoppeld aan je account');
  expect(mail).toContain(`Je pas van ${i.secondLib} is gekoppeld aan je account ${i.username}`);
  expect(mail).not.toContain(i.secondCard);
});
