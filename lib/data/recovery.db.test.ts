// Forgot password, forgot username and e-mail change against a real SMTP server on a loopback port (smtp-server), through the real
// nodemailer SMTP transport: recovery links work once, unknown accounts get the same answer and no
// mail, the throttle holds, e-mail changes take effect only on confirmation.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, networkFixture } from '@/test/scenarios/network-fixture';
import { importNetwork } from '../../db/import/import-network';
import { accounts, passwordResetTokens } from '../../db/schema';
import { describeOnDatabases } from '../../test/db';
import { changePasswordForAccount, signOutEverywhereForAccount } from '../actions/account-settings-core';
import { authenticate } from '../auth/authenticate';
import { hashSecret } from '../auth/hash';
import { startSmtpSink, type SmtpSink } from '@/test/support/smtp-sink';
import { createMailer, type Mailer } from '../mail/transport';
import { confirmEmailChange } from '@/test/support/identity-actions';
import { requestEmailChangeForAccount } from '../actions/email-change-core';
import { requestPasswordReset } from '@/test/support/identity-actions';
import { requestUsernameReminder } from '@/test/support/identity-actions';
import { resetPassword } from '@/test/support/identity-actions';
import { checkEmailChangeLink, checkResetLink } from './recovery';

const AN = 'an.peeters@example.be';
const NEW_PASSWORD = 'a quiet reading room';
const base = 'https://portal.example.be';
const linkToken = (text: string, page: string) => new RegExp(`${base}/${page}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];

describeOnDatabases('issue 8 recovery through real SMTP (%s)', (t) => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    expect((await importNetwork(t.db, networkFixture())).ok).toBe(true);
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, from: 'Mijn Bibliotheek <no-reply@example.be>', outboxDir: '/nonexistent' });
  });
  afterAll(async () => {
    await sink.close();
  });

  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 12, minutes));
  const deps = (minutes: number) => ({ mailer, now: at(minutes), baseUrl: base });

  it('§2 the link from the received mail sets a new password once, ends every session, and is then refused', async () => {
    const before = sink.messages.length;
    const r = await requestPasswordReset(t.db, { login: 'AN.PEETERS', clientAddress: '198.51.100.10' }, deps(0));
    expect(r).toEqual({ ok: true });
    const mails = sink.messages.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([AN]);
    expect(mails[0]!.subject).toBe('Kies een nieuw wachtwoord voor Mijn Bibliotheek'); // the account's language (nl)
    expect(mails[0]!.raw).not.toMatch(/<img|@import|url\(/i); // no images, fonts or tracking
    const token = linkToken(mails[0]!.decoded, 'reset-password');
    expect(token).toBeDefined();

    // Only the hash is stored.
    const stored = await t.db.execute(`select token_hash from password_reset_tokens`);
    expect(JSON.stringify(stored)).not.toContain(token!);

    expect(await checkResetLink(t.db, token!, at(5))).toEqual({ ok: true, username: 'an.peeters' });
    expect(await resetPassword(t.db, { token: token!, password: 'short', confirm: 'short' }, deps(5))).toEqual({ ok: false, code: 'too_short' });
    expect(await resetPassword(t.db, { token: token!, password: NEW_PASSWORD, confirm: 'other' }, deps(5))).toEqual({ ok: false, code: 'mismatch' });
    const [{ sessionVersion: svBefore }] = (await t.db.select({ sessionVersion: accounts.sessionVersion }).from(accounts).where(eq(accounts.username, 'an.peeters'))) as [{ sessionVersion: number }];

    expect(await resetPassword(t.db, { token: token!, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, deps(6))).toEqual({ ok: true });
    const [{ sessionVersion: svAfter }] = (await t.db.select({ sessionVersion: accounts.sessionVersion }).from(accounts).where(eq(accounts.username, 'an.peeters'))) as [{ sessionVersion: number }];
    expect(svAfter).toBe(svBefore + 1); // every session of the account ends

    const signIn = await authenticate(t.db, { login: 'an.peeters', password: NEW_PASSWORD, clientAddress: '198.51.100.11' }, at(7));
    expect(signIn).toMatchObject({ ok: true, sessionVersion: svAfter });
    const old = await authenticate(t.db, { login: 'an.peeters', password: FIXTURE_PASSWORD, clientAddress: '198.51.100.11' }, at(7));
    expect(old.ok).toBe(false);

    // Used once: refused afterwards.
    expect(await checkResetLink(t.db, token!, at(8))).toEqual({ ok: false, code: 'invalid_link' });
    expect(await resetPassword(t.db, { token: token!, password: 'another good password', confirm: 'another good password' }, deps(8))).toEqual({
      ok: false,
      code: 'invalid_link',
    });
    // A confirmation mail went out.
    expect(sink.messages.slice(before).map((m) => m.subject)).toContain('Je wachtwoord voor Mijn Bibliotheek is gewijzigd');
  });

  it('§2 an unknown account gets the same answer and no mail', async () => {
    const before = sink.messages.length;
    const unknown = await requestPasswordReset(t.db, { login: 'nobody.here', clientAddress: '198.51.100.20' }, deps(10));
    const unknownMail = await requestPasswordReset(t.db, { login: 'nobody@example.be', clientAddress: '198.51.100.20' }, deps(10));
    expect(unknown).toEqual({ ok: true });
    expect(unknownMail).toEqual({ ok: true });
    expect(sink.messages.length).toBe(before);
  });

  it('§2 a link expires after 30 minutes; two simultaneous submits use it once', async () => {
    await requestPasswordReset(t.db, { login: AN, clientAddress: '198.51.100.30' }, deps(20));
    const expired = linkToken(sink.messages.at(-1)!.decoded, 'reset-password')!;
    expect(await checkResetLink(t.db, expired, at(20 + 29))).toMatchObject({ ok: true });
    expect(await checkResetLink(t.db, expired, at(20 + 31))).toEqual({ ok: false, code: 'invalid_link' });
    expect(await resetPassword(t.db, { token: expired, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, deps(20 + 31))).toEqual({
      ok: false,
      code: 'invalid_link',
    });

    await requestPasswordReset(t.db, { login: AN, clientAddress: '198.51.100.31' }, deps(60));
    const token = linkToken(sink.messages.at(-1)!.decoded, 'reset-password')!;
    const both = await Promise.all([
      resetPassword(t.db, { token, password: 'first of two tries', confirm: 'first of two tries' }, deps(61)),
      resetPassword(t.db, { token, password: 'second of two tries', confirm: 'second of two tries' }, deps(61)),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'invalid_link' }]);
  });

  it('§2 the throttle holds per account and per client, alike for unknown accounts', async () => {
    const ask = (login: string, client: string) => requestPasswordReset(t.db, { login, clientAddress: client }, deps(120));
    const before = sink.messages.length;
    for (let i = 0; i < 3; i++) expect(await ask('an.peeters', `198.51.100.${40 + i}`)).toEqual({ ok: true });
    const refused = await ask('an.peeters', '198.51.100.49');
    expect(refused).toMatchObject({ ok: false, code: 'throttled' });
    expect(sink.messages.length).toBe(before + 3); // no fourth mail
    // The same limits for a name without an account: the lock does not tell who exists.
    for (let i = 0; i < 3; i++) expect(await ask('ghost.reader', `198.51.100.${50 + i}`)).toEqual({ ok: true });
    expect(await ask('ghost.reader', '198.51.100.59')).toEqual(refused);
    // Per client: 10 requests from one address, then it is refused whatever it asks for.
    for (let i = 0; i < 10; i++) expect(await ask(`someone.${i}`, '203.0.113.99')).toEqual({ ok: true });
    expect(await ask('someone.else', '203.0.113.99')).toMatchObject({ ok: false, code: 'throttled' });
  });

  it('§3 forgot username: the usernames of the address, same answer and no mail for an unknown one', async () => {
    const before = sink.messages.length;
    expect(await requestUsernameReminder(t.db, { email: 'AN.Peeters@example.be', clientAddress: '198.51.100.60' }, deps(200))).toEqual({ ok: true });
    expect(await requestUsernameReminder(t.db, { email: 'ghost@example.be', clientAddress: '198.51.100.60' }, deps(200))).toEqual({ ok: true });
    expect(await requestUsernameReminder(t.db, { email: 'not an address', clientAddress: '198.51.100.60' }, deps(200))).toEqual({
      ok: false,
      code: 'invalid_email',
    });
    const mails = sink.messages.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([AN]);
    expect(mails[0]!.decoded).toContain('an.peeters');
    for (let i = 0; i < 2; i++) await requestUsernameReminder(t.db, { email: 'ghost@example.be', clientAddress: `198.51.100.${61 + i}` }, deps(200));
    expect(await requestUsernameReminder(t.db, { email: 'ghost@example.be', clientAddress: '198.51.100.69' }, deps(200))).toMatchObject({
      ok: false,
      code: 'throttled',
    });
  });

  it('§4 e-mail change: only after the link to the new address is confirmed; the old address is told', async () => {
    const [an] = await t.db.select().from(accounts).where(eq(accounts.username, 'an.peeters'));
    const account = { accountId: an!.id, sessionVersion: an!.sessionVersion };
    // A known password, whichever of the earlier test's concurrent submits won.
    const KNOWN = 'the known password now';
    await t.db.update(accounts).set({ passwordHash: await hashSecret(KNOWN) }).where(eq(accounts.id, an!.id));
    const newAddress = 'an.new@example.org';
    expect(await requestEmailChangeForAccount(t.db, account, newAddress, { ...deps(300), currentPassword: 'wrong password' })).toEqual({
      ok: false,
      code: 'wrong_password',
    });
    expect(await requestEmailChangeForAccount(t.db, account, AN.toUpperCase(), { ...deps(300), currentPassword: KNOWN })).toEqual({
      ok: false,
      code: 'same_email',
    });
    const before = sink.messages.length;
    const requested = await requestEmailChangeForAccount(t.db, account, newAddress, { ...deps(301), currentPassword: KNOWN });
    expect(requested).toEqual({ ok: true, email: newAddress });
    const mail = sink.messages.slice(before).find((m) => m.to.includes(newAddress))!;
    expect(mail).toBeDefined();
    expect(sink.to(AN).length).toBeGreaterThan(0);
    const [still] = await t.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, an!.id));
    expect(still!.email).toBe(AN); // nothing changed yet

    const token = linkToken(mail.decoded, 'confirm-email')!;
    expect(await checkEmailChangeLink(t.db, token, at(302))).toEqual({ ok: true, username: 'an.peeters', newEmail: newAddress, kind: 'change' });
    const beforeConfirm = sink.messages.length;
    expect(await confirmEmailChange(t.db, token, deps(303))).toEqual({ ok: true, email: newAddress, kind: 'change' });
    const [after] = await t.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, an!.id));
    expect(after!.email).toBe(newAddress);
    const notice = sink.messages.slice(beforeConfirm);
    expect(notice.map((m) => m.to)).toEqual([[AN]]);
    expect(notice[0]!.decoded).toContain('a…w@example.org');
    expect(await confirmEmailChange(t.db, token, deps(304))).toEqual({ ok: false, code: 'invalid_link' });
  });

  it('§4 a pending e-mail change ends with the sessions: a locked-out intruder cannot confirm it later', async () => {
    const [an] = await t.db.select().from(accounts).where(eq(accounts.username, 'an.peeters'));
    const account = { accountId: an!.id, sessionVersion: an!.sessionVersion };
    const KNOWN = 'the known password now';
    await t.db.update(accounts).set({ passwordHash: await hashSecret(KNOWN) }).where(eq(accounts.id, an!.id));
    const before = sink.messages.length;
    const intruder = 'intruder@example.org';
    expect(await requestEmailChangeForAccount(t.db, account, intruder, { ...deps(400), currentPassword: KNOWN })).toEqual({ ok: true, email: intruder });
    const mail = sink.messages.slice(before).find((m) => m.to.includes(intruder))!;
    const token = linkToken(mail.decoded, 'confirm-email')!;
    // The owner notices and signs out everywhere (a password change or reset does the same).
    expect(await signOutEverywhereForAccount(t.db, account)).toEqual({ ok: true, data: null });
    expect(await confirmEmailChange(t.db, token, deps(401))).toEqual({ ok: false, code: 'invalid_link' });
    const [after] = await t.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, an!.id));
    expect(after!.email).not.toBe(intruder);
  });

  it('issue 11 §5 recovery mails go only to a verified address; the answers do not tell', async () => {
    const hash = await hashSecret('a pending password');
    await t.db.insert(accounts).values([
      { username: 'solo.pending', email: 'solo@example.be', passwordHash: hash, emailVerified: false },
      { username: 'fam.verified', email: 'fam@example.be', passwordHash: hash, emailVerified: true },
      { username: 'fam.pending', email: 'FAM@example.be', passwordHash: hash, emailVerified: false },
    ]);
    const before = sink.messages.length;
    const answers = [
      await requestPasswordReset(t.db, { login: 'solo.pending', clientAddress: '198.51.100.101' }, deps(500)),
      await requestPasswordReset(t.db, { login: 'solo@example.be', clientAddress: '198.51.100.102' }, deps(500)),
      await requestUsernameReminder(t.db, { email: 'solo@example.be', clientAddress: '198.51.100.103' }, deps(500)),
    ];
    const nobody = [
      await requestPasswordReset(t.db, { login: 'nobody.pending', clientAddress: '198.51.100.104' }, deps(500)),
      await requestPasswordReset(t.db, { login: 'nobody.pending@example.be', clientAddress: '198.51.100.105' }, deps(500)),
      await requestUsernameReminder(t.db, { email: 'nobody.pending@example.be', clientAddress: '198.51.100.106' }, deps(500)),
    ];
    expect(answers).toEqual(nobody);
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(sink.messages.length).toBe(before); // nothing sent to the unverified address
    const [solo] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'solo.pending'));
    expect(await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.accountId, solo!.id))).toEqual([]);
    // The throttle counts alike: a pending account is locked after three requests like any other.
    await requestPasswordReset(t.db, { login: 'solo.pending', clientAddress: '198.51.100.107' }, deps(500));
    expect(await requestPasswordReset(t.db, { login: 'solo.pending', clientAddress: '198.51.100.108' }, deps(500))).toMatchObject({ code: 'throttled' });

    // A shared address (a family): only the account whose address is verified gets mail.
    expect(await requestPasswordReset(t.db, { login: 'fam@example.be', clientAddress: '198.51.100.109' }, deps(501))).toEqual({ ok: true });
    expect(await requestUsernameReminder(t.db, { email: 'fam@example.be', clientAddress: '198.51.100.110' }, deps(501))).toEqual({ ok: true });
    const family = sink.messages.slice(before);
    expect(family).toHaveLength(2);
    expect(family.map((m) => m.to)).toEqual([['fam@example.be'], ['fam@example.be']]);
    expect(family[0]!.decoded).toContain('fam.verified');
    expect(family[1]!.decoded).toContain('fam.verified');
    expect(family.map((m) => m.decoded).join('\n')).not.toContain('fam.pending');
  });

  it('issue 11 §6 a reset link opened after a password change, or after "sign out everywhere", is refused', async () => {
    const session = async () => {
      const [an] = await t.db.select().from(accounts).where(eq(accounts.id, anId));
      return { accountId: an!.id, sessionVersion: an!.sessionVersion, email: an!.email };
    };
    const [row] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'an.peeters'));
    const anId = row!.id;
    const KNOWN = 'the known password now';
    await t.db.update(accounts).set({ passwordHash: await hashSecret(KNOWN) }).where(eq(accounts.id, anId));
    const resetLink = async (minutes: number) => {
      const { email } = await session();
      const before = sink.messages.length;
      expect(await requestPasswordReset(t.db, { login: 'an.peeters', clientAddress: `198.51.100.${130 + (minutes % 50)}` }, deps(minutes))).toEqual({ ok: true });
      const mail = sink.messages.slice(before).find((m) => m.to.includes(email))!;
      return linkToken(mail.decoded, 'reset-password')!;
    };

    // Changing the password (from the settings) ends the link mailed before.
    const first = await resetLink(600);
    expect(await checkResetLink(t.db, first, at(601))).toMatchObject({ ok: true });
    const changed = await changePasswordForAccount(t.db, await session(), { currentPassword: KNOWN, newPassword: 'a changed passphrase' }, at(602));
    expect(changed.ok).toBe(true);
    expect(await checkResetLink(t.db, first, at(603))).toEqual({ ok: false, code: 'invalid_link' });
    expect(await resetPassword(t.db, { token: first, password: 'an intruders passphrase', confirm: 'an intruders passphrase' }, deps(603))).toEqual({
      ok: false,
      code: 'invalid_link',
    });

    // "Sign out everywhere" does the same.
    const second = await resetLink(700);
    expect(await signOutEverywhereForAccount(t.db, await session(), at(701))).toEqual({ ok: true, data: null });
    expect(await resetPassword(t.db, { token: second, password: 'an intruders passphrase', confirm: 'an intruders passphrase' }, deps(702))).toEqual({
      ok: false,
      code: 'invalid_link',
    });

    // A reset ends a pending e-mail change and every other reset link.
    const pendingBefore = sink.messages.length;
    expect(await requestEmailChangeForAccount(t.db, await session(), 'an.elsewhere@example.org', { ...deps(800), currentPassword: 'a changed passphrase' })).toMatchObject({ ok: true });
    const change = linkToken(sink.messages.slice(pendingBefore).find((m) => m.to.includes('an.elsewhere@example.org'))!.decoded, 'confirm-email')!;
    const third = await resetLink(801);
    const fourth = await resetLink(802);
    expect(await resetPassword(t.db, { token: third, password: 'the owners new passphrase', confirm: 'the owners new passphrase' }, deps(803))).toEqual({ ok: true });
    expect(await checkResetLink(t.db, fourth, at(804))).toEqual({ ok: false, code: 'invalid_link' });
    expect(await checkEmailChangeLink(t.db, change, at(804))).toEqual({ ok: false, code: 'invalid_link' });
    expect(await confirmEmailChange(t.db, change, deps(804))).toEqual({ ok: false, code: 'invalid_link' });
  });
});

describe('issue 8 §1 delivery without SMTP: the outbox', () => {
  it('writes an .eml file and says where, once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-outbox-'));
    try {
      const lines: string[] = [];
      const outbox = createMailer({ outboxDir: dir }, (l) => lines.push(l));
      await outbox.send({ to: 'x@example.be', subject: 'Hallo', text: 'Tekst <b>', html: '<p>Tekst &lt;b&gt;</p>' });
      await outbox.send({ to: 'y@example.be', subject: 'Tweede', text: 'Twee', html: '<p>Twee</p>' });
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(2);
      const first = readFileSync(path.join(dir, files.sort()[0]!), 'utf8');
      expect(first).toMatch(/^To: x@example\.be$/m);
      expect(first).toMatch(/^Subject: Hallo$/m);
      expect(first).toContain('text/plain');
      expect(first).toContain('text/html');
      expect(lines).toEqual([`[mail] no SMTP_URL/MAIL_FROM set: mails are written as .eml files to ${dir}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
