// Recovery by e-mail end to end: forgot password → the link from the outbox (the e2e server writes mails as
// .eml files, no SMTP) → a new password → sign in with it; a session opened before is signed out;
// the link then gives the clear "does not work any more" page. Verified addresses: the address given at
// activation is pending until its link (from the outbox) is confirmed, recovery sends nothing to it
// meanwhile, and a copy of a signed-out session cookie no longer works. axe on every new page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeQuotedPrintable } from '../test/support/smtp-sink';
import { E2E_BASE_URL, E2E_OUTBOX_DIR } from './support/config';
import { expect, test } from './support/fixtures';
import { importScenario, smallNetwork } from './support/scenario';
import { signIn } from './support/sign-in';

const OLD_PASSWORD = 'a long walk to the library';
const NEW_PASSWORD = 'the stacks are quiet tonight';

/** Every mail to `address` in the outbox since `since`, oldest first, decoded (read once, not polled). */
function mailsTo(address: string, since: number): string[] {
  const dir = path.resolve(E2E_OUTBOX_DIR);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const file of files) {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    const stamp = Date.parse(file.slice(0, 24).replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, '$1:$2:$3.$4Z'));
    if (stamp >= since && new RegExp(`^To: ${address.replace(/[.]/g, '\\.')}$`, 'mi').test(raw)) out.push(decodeQuotedPrintable(raw));
  }
  return out;
}

/** The newest mail to `address` in the outbox, decoded; polled, since mails go out after the response. */
async function mailTo(address: string, since: number): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const dir = path.resolve(E2E_OUTBOX_DIR);
        let files: string[] = [];
        try {
          files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
        } catch {
          return false;
        }
        for (const file of files.reverse()) {
          const raw = readFileSync(path.join(dir, file), 'utf8');
          const stamp = Date.parse(file.slice(0, 24).replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, '$1:$2:$3.$4Z'));
          if (stamp >= since - 1000 && new RegExp(`^To: ${address.replace(/[.]/g, '\\.')}$`, 'mi').test(raw)) {
            found = decodeQuotedPrintable(raw);
            return true;
          }
        }
        return false;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

test('issue 8 §2 forgot password through the outbox; other sessions end; the link works once', async ({ page, browser, request, checkA11y }) => {
  const suffix = `M${Date.now().toString(36).slice(-5)}`;
  const network = smallNetwork(suffix);
  const s = suffix.toUpperCase();
  const username = `mail.${suffix.toLowerCase()}`;
  const email = `${username}@example.be`;
  await importScenario(request, {
    ...network,
    patrons: [
      {
        key: `mail-${s}`, givenName: 'Mia', familyName: 'Mail',
        memberships: [{ library: `BE-E2E${s}`, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }],
      },
    ],
    accounts: [{ username, email, password: OLD_PASSWORD, patrons: [`mail-${s}`] }],
  });

  // A session opened before the reset, in another browser.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, username, OLD_PASSWORD);
  await otherPage.goto('/overview');
  await expect(otherPage).not.toHaveURL(/\/login/);

  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
  await checkA11y({ label: 'forgot password' });
  const askedAt = Date.now();
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(username);
  await page.getByRole('button', { name: 'Link versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Kijk ook bij je ongewenste e-mail');
  await checkA11y({ label: 'forgot password sent' });

  const mail = await mailTo(email, askedAt);
  const link = new RegExp(`${E2E_BASE_URL.replace(/[.]/g, '\\.')}/reset-password\\?token=[A-Za-z0-9_-]{43}`).exec(mail)?.[0];
  expect(link, 'reset link in the mail').toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' })).toBeVisible();
  await checkA11y({ label: 'reset password' });
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('not the same');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.locator('#reset-error')).toHaveText('De twee wachtwoorden zijn niet gelijk.');
  await checkA11y({ label: 'reset password error' });
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Je wachtwoord is gewijzigd');
  await checkA11y({ label: 'reset password done' });

  // The session opened before is signed out (session version).
  await otherPage.goto('/overview');
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();

  // The new password signs in; the old one no longer does.
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await signIn(freshPage, username, NEW_PASSWORD);
  await fresh.close();

  // The link worked once: now a clear page with the way to ask again.
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet (meer)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toHaveAttribute('href', '/forgot-password');
  await checkA11y({ label: 'used link' });
});

test('issue 8 §3/§4 forgot username and an unknown confirmation link: clear pages, axe-clean', async ({ page, checkA11y }) => {
  await page.goto('/forgot-username');
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikersnaam vergeten' })).toBeVisible();
  await checkA11y({ label: 'forgot username' });
  await page.getByLabel('E-mailadres').fill(`nobody.${Date.now()}@example.be`);
  await page.getByRole('button', { name: 'Gebruikersnamen versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Horen er accounts bij dit e-mailadres');
  await checkA11y({ label: 'forgot username sent' });

  await page.goto('/confirm-email?token=not-a-token');
  await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet (meer)' })).toBeVisible();
  await checkA11y({ label: 'confirm e-mail, unknown link' });

  await page.goto('/reset-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet (meer)' })).toBeVisible();
});

test('issue 11 activation: the address is pending until its link is confirmed; recovery waits for it; a signed-out cookie stops working', async ({
  page,
  browser,
  request,
  checkA11y,
}) => {
  // A whole journey (activation, four mails, sign-in twice, axe): above 30 s on a loaded machine.
  test.setTimeout(90_000);
  const r = () => Math.floor(Math.random() * 250) + 1;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${r()}.${r()}.${r()}` });
  const suffix = `V${Date.now().toString(36).slice(-5)}`;
  const s = suffix.toUpperCase();
  const card = `2000${Date.now().toString().slice(-9)}`;
  await importScenario(request, {
    ...smallNetwork(suffix),
    patrons: [
      {
        key: `verify-${s}`, givenName: 'Vera', familyName: 'Verify',
        memberships: [{ library: `BE-E2E${s}`, type: 'VOLW', start: '2026-01-01', end: '2030-12-31' }],
        cards: [{ library: `BE-E2E${s}`, number: card, pin: '9753' }],
      },
    ],
  });
  const username = `vera.${suffix.toLowerCase()}`;
  const email = `${username}@example.be`;

  const activatedAt = Date.now();
  await page.goto('/activate');
  await page.getByLabel('Pasnummer', { exact: true }).fill(card);
  await page.getByLabel('Pincode', { exact: true }).fill('9753');
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(OLD_PASSWORD);
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await expect(page).toHaveURL(/\/memberships\?activated=1$/);

  // The verification mail, and the account page saying the address is not confirmed yet.
  const verifyMail = await mailTo(email, activatedAt);
  expect(verifyMail).toContain('Bevestig je e-mailadres voor Mijn Bibliotheek');
  const verifyLink = new RegExp(`${E2E_BASE_URL.replace(/[.]/g, '\\.')}/confirm-email\\?token=[A-Za-z0-9_-]{43}`).exec(verifyMail)?.[0];
  expect(verifyLink, 'verification link in the mail').toBeTruthy();
  await page.goto('/account');
  await expect(page.getByText('(niet bevestigd)')).toBeVisible();
  const verify = page.getByRole('form', { name: 'Bevestig je e-mailadres' });
  await expect(verify).toContainText(`We stuurden een link naar ${email}`);
  await checkA11y({ label: 'account, address not confirmed' });

  // Forgot password while pending: the usual answer, and no mail to the address.
  const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.${r()}.${r()}.${r()}` } });
  const otherPage = await other.newPage();
  const askedAt = Date.now();
  await otherPage.goto('/forgot-password');
  await otherPage.getByLabel('Gebruikersnaam of e-mailadres').fill(username);
  await otherPage.getByRole('button', { name: 'Link versturen' }).click();
  await expect(otherPage.getByRole('status')).toContainText('Kijk ook bij je ongewenste e-mail');

  // "Send the link again": a new mail arrives (after the forgot-password request, so by then a
  // reset mail would have been written too).
  await verify.getByRole('button', { name: 'Link opnieuw versturen' }).click();
  await expect(verify.getByRole('status')).toContainText(`We hebben een nieuwe link gestuurd naar ${email}`);
  await checkA11y({ label: 'account, link sent again' });
  await expect.poll(() => mailsTo(email, askedAt).length, { timeout: 15_000 }).toBe(1);
  expect(mailsTo(email, askedAt)[0]).toContain('Bevestig je e-mailadres voor Mijn Bibliotheek');
  expect(mailsTo(email, askedAt).join('\n')).not.toContain('/reset-password?token=');

  // Opening the (first) link changes nothing; the button confirms.
  await otherPage.goto(verifyLink!);
  await expect(otherPage.getByRole('heading', { level: 1, name: 'Bevestig je e-mailadres' })).toBeVisible();
  await expect(otherPage.getByText(`Is ${email} het e-mailadres van het account ${username}?`)).toBeVisible();
  await checkA11y({ label: 'confirm address' });
  await otherPage.getByRole('button', { name: 'Ja, dit is mijn e-mailadres' }).click();
  await expect(otherPage.getByRole('status')).toContainText('Je e-mailadres is bevestigd');
  await other.close();
  await page.goto('/account');
  await expect(page.getByText('(niet bevestigd)')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Bevestig je e-mailadres' })).toHaveCount(0);

  // Now recovery reaches the address.
  const resetAt = Date.now();
  await page.context().clearCookies();
  await page.goto('/forgot-password');
  await page.getByLabel('Gebruikersnaam of e-mailadres').fill(email);
  await page.getByRole('button', { name: 'Link versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Kijk ook bij je ongewenste e-mail');
  expect(await mailTo(email, resetAt)).toContain('/reset-password?token=');

  // Sign out ends the session on the server: a copy of its cookie no longer works.
  await signIn(page, username, OLD_PASSWORD);
  const copied = (await page.context().cookies()).filter((c) => c.name.endsWith('next-auth.session-token'));
  expect(copied).toHaveLength(1);
  await page.goto('/overview');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login/);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/overview');
  await expect(thiefPage).toHaveURL(/\/login/);
  await thief.close();
});
