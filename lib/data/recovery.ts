import 'server-only';
// The reads of recovery and e-mail change: who a "forgot password" request
// names, whether a reset or confirmation link still works, the verified accounts of an address. The
// writes — tokens, passwords, addresses — are the actions' (lib/actions/forgot-password-core.ts,
// reset-password-core.ts, forgot-username-core.ts, confirm-email-core.ts, email-change-core.ts,
// email-links.ts); the tokens themselves are lib/auth/link-token.ts's.
//
// Verified addresses: recovery mails (a reset link, the usernames) go only to an address that is
// verified — its link was opened, or the library exported it (import). An address given at
// activation is pending until then: otherwise anyone with a card and PIN could name someone
// else's address, and a stranger's mailbox would receive that account's reset links (or the
// address's owner would be told that a library account exists). The verification link is an
// `email_change_requests` row whose new address is the account's own: the same link, page and
// confirmation as an e-mail change.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, emailChangeRequests, passwordResetTokens } from '@/db/schema';
import { hashToken, isTokenShaped } from '@/lib/auth/link-token';
import { emailLinkKind, type EmailLinkKind } from '@/lib/domain/email-link';

export type { EmailLinkKind };

/** The accounts a "forgot password" login names (lower case): by username or by e-mail, at most 20. */
export async function findAccountsByLogin(db: Db, login: string) {
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
  return byUsername.length > 0 ? byUsername : found;
}

/** The accounts of an address (lower case) whose address is verified; an unverified one is not mentioned. */
export async function verifiedAccountsByEmail(db: Db, email: string) {
  return db
    .select({ username: accounts.username, email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(and(eq(sql`lower(${accounts.email})`, email), eq(accounts.emailVerified, true)))
    .orderBy(accounts.username)
    .limit(20);
}

export type ResetLink = { ok: true; username: string } | { ok: false; code: 'invalid_link' };

/** An unused, unexpired reset link and its account, or null. */
export async function findResetToken(db: Db, token: string, now: Date) {
  if (!isTokenShaped(token)) return null;
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

export type EmailChangeLink = { ok: true; username: string; newEmail: string; kind: EmailLinkKind } | { ok: false; code: 'invalid_link' };

/** Whether a confirmation link still works (the page shows what would change, then asks). */
export async function checkEmailChangeLink(db: Db, token: string, now = new Date()): Promise<EmailChangeLink> {
  if (!isTokenShaped(token)) return { ok: false, code: 'invalid_link' };
  const [row] = await db
    .select({ username: accounts.username, email: accounts.email, newEmail: emailChangeRequests.newEmail })
    .from(emailChangeRequests)
    .innerJoin(accounts, eq(accounts.id, emailChangeRequests.accountId))
    .where(and(eq(emailChangeRequests.tokenHash, hashToken(token)), isNull(emailChangeRequests.confirmedAt), gt(emailChangeRequests.expiresAt, now)));
  if (!row) return { ok: false, code: 'invalid_link' };
  return { ok: true, username: row.username, newEmail: row.newEmail, kind: emailLinkKind(row.email, row.newEmail) };
}
