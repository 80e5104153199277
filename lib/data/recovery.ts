import 'server-only';
// Recovery and e-mail change (issue 8): forgot password, forgot username, confirmed e-mail change,
// and the verification of the address given at activation (issue 11 §5).
//
// Verified addresses: recovery mails (a reset link, the usernames) go only to an address that is
// verified — its link was opened, or the library exported it (import). An address given at
// activation is pending until then: otherwise anyone with a card and PIN could name someone
// else's address, and a stranger's mailbox would receive that account's reset links (or the
// address's owner would be told that a library account exists). The verification link is an
// `email_change_requests` row whose new address is the account's own: the same link, page and
// confirmation as an e-mail change.
//
// Non-disclosure: a request answers the same whether or not an account exists. The part a client
// waits for is the same for both — one indexed look-up and the throttle's statements — and the
// part that differs (token, mail) runs in `defer`, which the server actions point at Next's
// `after()`, i.e. after the response has gone out. Tests leave `defer` at its default (await inline)
// so that the mail has arrived when the call returns.
//
// Tokens: 32 random bytes, base64url, in the link only; the database keeps their SHA-256, so a copy
// of it cannot be used to take over an account. A reset link is valid 30 minutes and used once: the
// conditional update that marks it used runs in the transaction that stores the new password.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '@/db/client';
import { accounts, emailChangeRequests, passwordResetTokens } from '@/db/schema';
import { dummyHash, hashSecret, verifySecret } from '@/lib/auth/hash';
import { checkPassword, PASSWORD_MAX_LENGTH, type PasswordProblem } from '@/lib/auth/password-policy';
import { accountLibraries, recordChanges, recordPerLibrary } from '@/lib/data/change-log';
import type { SignedInAccount } from '@/lib/auth/session';
import { clearThrottle, countAttempt, type ThrottleKey } from '@/lib/auth/throttle-store';
import {
  EMAIL_CHANGE_PER_ACCOUNT,
  EMAIL_VERIFY_PER_ACCOUNT,
  RECOVERY_PER_ACCOUNT,
  RECOVERY_PER_CLIENT,
} from '@/lib/domain/recovery-throttle';
import {
  emailChangedMail,
  emailChangeMail,
  emailVerifyMail,
  passwordChangedMail,
  passwordResetMail,
  usernamesMail,
} from '@/lib/mail/recovery-mails';
import type { Mailer } from '@/lib/mail/transport';

export const RESET_TOKEN_TTL_MS = 30 * 60_000;
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;

export interface MailDeps {
  mailer: Mailer;
  now?: Date;
  /** Where mail work runs: default inline (awaited); the server actions pass Next's `after()`. */
  defer?: (task: () => Promise<void>) => void | Promise<void>;
  /** Base of the links in mails; default PUBLIC_BASE_URL. */
  baseUrl?: string;
}

export type Throttled = { ok: false; code: 'throttled'; retryAfterSeconds: number };

/** 32 random bytes, base64url (43 characters), and the SHA-256 that is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const tokenFormat = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * When an account's sessions end (password reset or change, "sign out everywhere"), a pending
 * e-mail change ends too: whoever asked for it may be the one being locked out.
 */
export async function expirePendingEmailChanges(db: Executor, accountId: number): Promise<void> {
  // Deleted rather than dated: its link must never work again, whatever clock the caller keeps.
  await db.delete(emailChangeRequests).where(and(eq(emailChangeRequests.accountId, accountId), isNull(emailChangeRequests.confirmedAt)));
}

/**
 * Issue 11 §6 "everything ends together": when an account's sessions end (password changed or
 * reset, "sign out everywhere"), every link it has out ends too — unused reset links and pending
 * e-mail changes (a pending verification of the address included: it can be sent again from the
 * account settings). Run it in the transaction that bumps the session version.
 */
export async function endOutstandingLinks(db: Executor, accountId: number, now: Date): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.accountId, accountId), isNull(passwordResetTokens.usedAt)));
  await expirePendingEmailChanges(db, accountId);
}

function runDeferred(deps: MailDeps, label: string, task: () => Promise<void>): void | Promise<void> {
  // A failed mail must never surface as an error page (the response may be gone already): log the
  // kind of failure, never the address or token.
  const guarded = async () => {
    try {
      await task();
    } catch (error) {
      console.error(`[mail] ${label} failed:`, error instanceof Error ? error.name : typeof error);
    }
  };
  return (deps.defer ?? ((t) => t()))(guarded);
}

const throttled = (retryAfterMs: number): Throttled => ({ ok: false, code: 'throttled', retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });

const localeOf = (value: string): 'nl' | 'en' => (value === 'en' ? 'en' : 'nl');

// ---------------------------------------------------------------------------------------------
// Forgot password

export const forgotPasswordInput = z.object({
  // No NUL: PostgreSQL refuses it in text, and the request would fail instead of being answered.
  login: z.string().trim().min(1).max(254).refine((v) => !v.includes('\u0000')),
});

export type RequestResult = { ok: true } | { ok: false; code: 'invalid_input' } | Throttled;

/** Issue 8 §2: a reset link for the account(s) named by username or e-mail, when there are any. */
export async function requestPasswordReset(
  db: Db,
  raw: { login: string; clientAddress: string },
  deps: MailDeps,
): Promise<RequestResult> {
  const parsed = forgotPasswordInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid_input' };
  const now = deps.now ?? new Date();
  const login = parsed.data.login.toLowerCase();

  const found = await db
    .select({
      id: accounts.id,
      username: accounts.username,
      email: accounts.email,
      emailVerified: accounts.emailVerified,
      locale: accounts.locale,
    })
    .from(accounts)
    .where(or(eq(sql`lower(${accounts.username})`, login), eq(sql`lower(${accounts.email})`, login)))
    .orderBy(accounts.id)
    .limit(20);
  // A username names one account; an e-mail address may be shared by several (each gets a link).
  const byUsername = found.filter((a) => a.username.toLowerCase() === login);
  const targets = byUsername.length > 0 ? byUsername : found;

  // Keyed by the account when there is one, by the typed name otherwise: the same limits either
  // way, so the throttle does not tell whether an account exists either.
  const keys: ThrottleKey[] = [
    ...(targets.length > 0
      ? targets.map((a) => ({ key: `recovery:account:${a.id}`, policy: RECOVERY_PER_ACCOUNT }))
      : [{ key: `recovery:login:${login}`, policy: RECOVERY_PER_ACCOUNT }]),
    { key: `recovery:client:${raw.clientAddress.slice(0, 64)}`, policy: RECOVERY_PER_CLIENT },
  ];
  const status = await countAttempt(db, keys, now); // every request counts (each sends a mail)
  if (!status.allowed) return throttled(status.retryAfterMs);

  await runDeferred(deps, 'password reset', async () => {
    // Issue 11 §5: only to a verified address. The answer and the throttle above are the same
    // either way, so nobody learns from them whether an address is verified.
    for (const account of targets.filter((a) => a.emailVerified)) {
      const { token, hash } = newToken();
      await db.insert(passwordResetTokens).values({
        accountId: account.id,
        tokenHash: hash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
      });
      await deps.mailer.send(passwordResetMail({ ...account, locale: localeOf(account.locale) }, token, deps.baseUrl));
    }
  });
  return { ok: true };
}

export type ResetLink = { ok: true; username: string } | { ok: false; code: 'invalid_link' };

async function findResetToken(db: Db, token: string, now: Date) {
  if (!tokenFormat.safeParse(token).success) return null;
  const [row] = await db
    .select({
      tokenId: passwordResetTokens.id,
      accountId: accounts.id,
      username: accounts.username,
      email: accounts.email,
      locale: accounts.locale,
    })
    .from(passwordResetTokens)
    .innerJoin(accounts, eq(accounts.id, passwordResetTokens.accountId))
    .where(
      and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)),
    );
  return row ?? null;
}

/** Whether a reset link still works (for the page that shows the form). */
export async function checkResetLink(db: Db, token: string, now = new Date()): Promise<ResetLink> {
  const row = await findResetToken(db, token, now);
  return row ? { ok: true, username: row.username } : { ok: false, code: 'invalid_link' };
}

export const resetPasswordInput = z.object({
  token: z.string().max(100),
  password: z.string().max(PASSWORD_MAX_LENGTH * 4),
  confirm: z.string().max(PASSWORD_MAX_LENGTH * 4),
});

export type ResetResult =
  | { ok: true }
  | { ok: false; code: 'invalid_link' | 'mismatch' | PasswordProblem };

/**
 * Issue 8 §2: sets the new password (activation policy), ends every session of the account
 * (session version) and kills every other outstanding link; then mails a confirmation.
 */
export async function resetPassword(
  db: Db,
  raw: { token: string; password: string; confirm: string },
  deps: MailDeps,
): Promise<ResetResult> {
  const now = deps.now ?? new Date();
  const row = await findResetToken(db, raw.token, now);
  if (!row) return { ok: false, code: 'invalid_link' };
  if (raw.password !== raw.confirm) return { ok: false, code: 'mismatch' };
  const problem = checkPassword(raw.password, { username: row.username, email: row.email });
  if (problem) return { ok: false, code: problem };
  const passwordHash = await hashSecret(raw.password);

  const used = await db.transaction(async (tx) => {
    // The condition is the guard: of two submits of one link only one finds it unused.
    const claimed = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.id, row.tokenId), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ id: passwordResetTokens.id });
    if (claimed.length === 0) return false;
    await tx
      .update(accounts)
      .set({ passwordHash, sessionVersion: sql`${accounts.sessionVersion} + 1` })
      .where(eq(accounts.id, row.accountId));
    await endOutstandingLinks(tx, row.accountId, now);
    // Issue 13 §1: that the password changed (never the password or its hash).
    await recordPerLibrary(tx, row.accountId, 'account_password_changed', accountLibraries(row.accountId));
    return true;
  });
  if (!used) return { ok: false, code: 'invalid_link' };
  // Proving control of the mailbox is as good as a correct password: lift a sign-in lock.
  await clearThrottle(db, [`signin:account:${row.accountId}`]);
  await runDeferred(deps, 'password changed', () =>
    deps.mailer.send(passwordChangedMail({ ...row, locale: localeOf(row.locale) }, deps.baseUrl)),
  );
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Forgot username

export const forgotUsernameInput = z.object({ email: z.string().trim().max(254).pipe(z.email()) });

export type UsernameRequestResult = { ok: true } | { ok: false; code: 'invalid_email' } | Throttled;

/** Issue 8 §3: a mail to the address listing the usernames of its accounts, when there are any. */
export async function requestUsernameReminder(
  db: Db,
  raw: { email: string; clientAddress: string },
  deps: MailDeps,
): Promise<UsernameRequestResult> {
  const parsed = forgotUsernameInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid_email' };
  const now = deps.now ?? new Date();
  const email = parsed.data.email.toLowerCase();
  // Keyed by the address whether or not it has accounts; the look-up itself happens after the response.
  const keys: ThrottleKey[] = [
    { key: `recovery:email:${email}`, policy: RECOVERY_PER_ACCOUNT },
    { key: `recovery:client:${raw.clientAddress.slice(0, 64)}`, policy: RECOVERY_PER_CLIENT },
  ];
  const status = await countAttempt(db, keys, now);
  if (!status.allowed) return throttled(status.retryAfterMs);

  await runDeferred(deps, 'usernames', async () => {
    const found = await db
      .select({ username: accounts.username, email: accounts.email, locale: accounts.locale })
      .from(accounts)
      // Issue 11 §5: only accounts whose address is verified; an unverified one is not mentioned.
      .where(and(eq(sql`lower(${accounts.email})`, email), eq(accounts.emailVerified, true)))
      .orderBy(accounts.username)
      .limit(20);
    const first = found[0];
    if (!first) return;
    await deps.mailer.send(
      usernamesMail({ email: first.email, locale: localeOf(first.locale) }, found.map((a) => a.username), deps.baseUrl),
    );
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// E-mail change

export type EmailChangeRequestResult =
  | { ok: true; email: string }
  | { ok: false; code: 'invalid_email' | 'wrong_password' | 'same_email' | 'not_found' }
  | Throttled;

/**
 * Issue 8 §4: asks to change the signed-in account's address. Nothing changes until the link mailed
 * to the NEW address is confirmed (confirmEmailChange). The current password is asked again, so
 * that a session left open on a library computer cannot move the account to another mailbox (and
 * then reset its password from there).
 */
export async function requestEmailChangeForAccount(
  db: Db,
  account: SignedInAccount,
  newEmail: string,
  deps: MailDeps & { currentPassword: string },
): Promise<EmailChangeRequestResult> {
  const parsed = forgotUsernameInput.safeParse({ email: newEmail });
  if (!parsed.success) return { ok: false, code: 'invalid_email' };
  const email = parsed.data.email;
  const now = deps.now ?? new Date();
  const [row] = await db
    .select({ id: accounts.id, username: accounts.username, email: accounts.email, locale: accounts.locale, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(and(eq(accounts.id, account.accountId), eq(accounts.sessionVersion, account.sessionVersion)));
  if (!row) {
    await verifySecret(await dummyHash(), deps.currentPassword);
    return { ok: false, code: 'not_found' };
  }
  const keys: ThrottleKey[] = [{ key: `email-change:account:${row.id}`, policy: EMAIL_CHANGE_PER_ACCOUNT }];
  const status = await countAttempt(db, keys, now); // a request or a wrong password: both count
  if (!status.allowed) return throttled(status.retryAfterMs);
  if (!(await verifySecret(row.passwordHash, deps.currentPassword.slice(0, PASSWORD_MAX_LENGTH * 4)))) {
    return { ok: false, code: 'wrong_password' };
  }
  if (email.toLowerCase() === row.email.toLowerCase()) return { ok: false, code: 'same_email' };

  const { token, hash } = newToken();
  await db.insert(emailChangeRequests).values({
    accountId: row.id,
    newEmail: email,
    tokenHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS),
  });
  await runDeferred(deps, 'e-mail change', () =>
    deps.mailer.send(emailChangeMail({ email, username: row.username, locale: localeOf(row.locale) }, token, deps.baseUrl)),
  );
  return { ok: true, email };
}

/** `verify`: the link confirms the account's own (pending) address; `change`: it moves the account to a new one. */
export type EmailLinkKind = 'verify' | 'change';

export type EmailChangeLink = { ok: true; username: string; newEmail: string; kind: EmailLinkKind } | { ok: false; code: 'invalid_link' };

/** Whether a confirmation link still works (the page shows what would change, then asks). */
export async function checkEmailChangeLink(db: Db, token: string, now = new Date()): Promise<EmailChangeLink> {
  if (!tokenFormat.safeParse(token).success) return { ok: false, code: 'invalid_link' };
  const [row] = await db
    .select({ username: accounts.username, email: accounts.email, newEmail: emailChangeRequests.newEmail })
    .from(emailChangeRequests)
    .innerJoin(accounts, eq(accounts.id, emailChangeRequests.accountId))
    .where(and(eq(emailChangeRequests.tokenHash, hashToken(token)), isNull(emailChangeRequests.confirmedAt), gt(emailChangeRequests.expiresAt, now)));
  if (!row) return { ok: false, code: 'invalid_link' };
  return { ok: true, username: row.username, newEmail: row.newEmail, kind: linkKind(row.email, row.newEmail) };
}

const linkKind = (current: string, next: string): EmailLinkKind => (current.toLowerCase() === next.toLowerCase() ? 'verify' : 'change');

// ---------------------------------------------------------------------------------------------
// Verification of the account's own address (issue 11 §5)

/**
 * Stores a verification link for the account's current address (in the caller's transaction) and
 * returns its token; the caller mails it with `mailEmailVerification` once the transaction is done.
 */
export async function issueEmailVerification(db: Executor, accountId: number, email: string, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await db.insert(emailChangeRequests).values({
    accountId,
    newEmail: email,
    tokenHash: hash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS),
  });
  return token;
}

export function mailEmailVerification(
  deps: MailDeps,
  to: { email: string; username: string; locale: string },
  token: string,
): void | Promise<void> {
  return runDeferred(deps, 'e-mail verification', () =>
    deps.mailer.send(emailVerifyMail({ ...to, locale: localeOf(to.locale) }, token, deps.baseUrl)),
  );
}

export type VerificationResendResult =
  | { ok: true; email: string }
  | { ok: false; code: 'already_verified' | 'not_found' }
  | Throttled;

/**
 * "Send the link again" from the account settings: a new verification link to the account's own
 * address. No password is asked — it changes nothing and goes only to the address on file — but
 * it is throttled per account, so a session cannot be used to flood that mailbox.
 */
export async function resendEmailVerificationForAccount(
  db: Db,
  account: SignedInAccount,
  deps: MailDeps,
): Promise<VerificationResendResult> {
  const now = deps.now ?? new Date();
  const [row] = await db
    .select({ id: accounts.id, username: accounts.username, email: accounts.email, locale: accounts.locale, emailVerified: accounts.emailVerified })
    .from(accounts)
    .where(and(eq(accounts.id, account.accountId), eq(accounts.sessionVersion, account.sessionVersion)));
  if (!row) return { ok: false, code: 'not_found' };
  if (row.emailVerified) return { ok: false, code: 'already_verified' };
  const status = await countAttempt(db, [{ key: `email-verify:account:${row.id}`, policy: EMAIL_VERIFY_PER_ACCOUNT }], now);
  if (!status.allowed) return throttled(status.retryAfterMs);
  const token = await db.transaction(async (tx) => {
    // Only while the address is still the one to verify (an e-mail change may have won the race).
    const [still] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, row.id), eq(accounts.email, row.email), eq(accounts.emailVerified, false)))
      .for('update');
    return still ? issueEmailVerification(tx, row.id, row.email, now) : null;
  });
  if (token === null) return { ok: false, code: 'already_verified' };
  await mailEmailVerification(deps, row, token);
  return { ok: true, email: row.email };
}

export type EmailChangeConfirmResult = { ok: true; email: string; kind: EmailLinkKind } | { ok: false; code: 'invalid_link' };

/**
 * Confirms a change: a POST from the confirmation page, never the GET of the link itself (mail
 * scanners open links). The old address is told afterwards.
 */
export async function confirmEmailChange(db: Db, token: string, deps: MailDeps): Promise<EmailChangeConfirmResult> {
  if (!tokenFormat.safeParse(token).success) return { ok: false, code: 'invalid_link' };
  const now = deps.now ?? new Date();
  const changed = await db.transaction(async (tx) => {
    const [request] = await tx
      .update(emailChangeRequests)
      .set({ confirmedAt: now })
      .where(and(eq(emailChangeRequests.tokenHash, hashToken(token)), isNull(emailChangeRequests.confirmedAt), gt(emailChangeRequests.expiresAt, now)))
      .returning({ accountId: emailChangeRequests.accountId, newEmail: emailChangeRequests.newEmail });
    if (!request) return null;
    const [before] = await tx
      .select({ username: accounts.username, email: accounts.email, locale: accounts.locale, emailVerified: accounts.emailVerified })
      .from(accounts)
      .where(eq(accounts.id, request.accountId))
      .for('update');
    if (!before) return null;
    // Opening the link proves the mailbox: the address is verified (issue 11 §5).
    await tx.update(accounts).set({ email: request.newEmail, emailVerified: true }).where(eq(accounts.id, request.accountId));
    // Other pending requests of the account end here: only the confirmed address counts.
    await tx
      .update(emailChangeRequests)
      .set({ expiresAt: now })
      .where(and(eq(emailChangeRequests.accountId, request.accountId), isNull(emailChangeRequests.confirmedAt)));
    // Reset links went to the old address: they no longer reach the account's owner.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.accountId, request.accountId), isNull(passwordResetTokens.usedAt)));
    // Issue 13 §1: the account's address changes now, on confirmation (a request changed nothing);
    // verifying the address the account already has is no change.
    if (linkKind(before.email, request.newEmail) === 'change') {
      await recordChanges(tx, request.accountId, 'account_email_changed', {
        from: accountLibraries(request.accountId),
        patronId: sql`c.patron_id`,
        libraryId: sql`c.library_id`,
        details: { email: sql`${request.newEmail}::text` },
      });
    }
    return { before, newEmail: request.newEmail };
  });
  if (!changed) return { ok: false, code: 'invalid_link' };
  const { before, newEmail } = changed;
  // The old address is told only when it was verified: an address that was never proven to be the
  // account holder's is not told that a library account exists.
  if (before.emailVerified && before.email.toLowerCase() !== newEmail.toLowerCase()) {
    await runDeferred(deps, 'e-mail changed', () =>
      deps.mailer.send(emailChangedMail({ ...before, locale: localeOf(before.locale) }, newEmail)),
    );
  }
  return { ok: true, email: newEmail, kind: linkKind(before.email, newEmail) };
}
