// Issue 8 end to end: forgot password → the link from the outbox (the e2e server writes mails as
// .eml files, no SMTP) → a new password → sign in with it; a session opened before is signed out;
// the link then gives the clear "does not work any more" page. axe on every new page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeQuotedPrintable } from '../lib/mail/smtp-sink';
import { E2E_BASE_URL, E2E_OUTBOX_DIR } from './support/config';
import { expect, test } from './support/fixtures';
import { importScenario, smallNetwork } from './support/scenario';
import { signIn } from './support/sign-in';

const OLD_PASSWORD = 'a long walk to the library';
const NEW_PASSWORD = 'the stacks are quiet tonight';

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
