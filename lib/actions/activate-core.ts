import 'server-only';
// P1 activation: a patron without an account proves the card with its number and PIN, then gets an
// account linked to that card's patron record, in one transaction. The order matters:
//  1. shape and password policy first, so a typo in the password does not spend a PIN attempt;
//  2. the PIN (throttled per card and per client, non-disclosing); the attempt counts against the
//     card and the client even when the PIN is right;
//  3. only then "already linked" and "username taken", so neither question can be asked about a
//     card or a name without the PIN of a real card, and each asking costs an attempt.
// The e-mail address is pending: the transaction stores a verification link, which is
// mailed to the address afterwards; until it is opened no recovery mail goes there.
import { eq, sql } from 'drizzle-orm';
import { accountPatrons, accounts } from '@/db/schema';
import { verifyCardPin } from '@/lib/auth/card-pin';
import { hashSecret } from '@/lib/auth/hash';
import { activationInput, type ActivationInput } from '@/lib/auth/identity-input';
import { checkPassword } from '@/lib/auth/password-policy';
import { patronLibraries, recordPerLibrary } from './change-log';
import { fail, ok, type ActionResult } from './account-action';
import { cardPinFailure } from './card-pin-failure';
import { issueEmailVerification, mailEmailVerification } from './email-links';
import { publicAction, type PublicContext } from './public-action';
import { uniqueViolation } from './unique-violation';

export type ActivationResult = ActionResult<{ accountId: number; username: string }>;

class Refusal extends Error {
  constructor(readonly result: ActivationResult) {
    super('refused');
  }
}

async function runActivation(
  input: ActivationInput,
  { db, clientAddress, mail, now, systems }: PublicContext,
): Promise<ActivationResult> {
  const problem = checkPassword(input.password, { username: input.username, email: input.email });
  if (problem) return fail('invalid_input', { fieldErrors: { password: [problem] } });

  // Every activation counts against the card and the client, whatever its outcome: a right PIN
  // followed by "username taken" or "already linked" must not turn into a free probe.
  const card = await verifyCardPin(db, { cardNumber: input.cardNumber, pin: input.pin, library: input.library, clientAddress }, now, { countEveryAttempt: true, systems });
  if (!card.ok) return cardPinFailure(card);

  const passwordHash = await hashSecret(input.password);
  let created: { accountId: number; username: string; token: string };
  try {
    created = await db.transaction(async (tx) => {
      const [linked] = await tx
        .select({ accountId: accountPatrons.accountId })
        .from(accountPatrons)
        .where(eq(accountPatrons.patronId, card.patronId));
      // The message does not say which account: the card holder may not be the account holder.
      if (linked) throw new Refusal(fail('already_linked'));
      const [taken] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(sql`lower(${accounts.username})`, input.username.toLowerCase()));
      if (taken) throw new Refusal(fail('invalid_input', { fieldErrors: { username: ['taken'] } }));
      const [account] = await tx
        .insert(accounts)
        .values({ username: input.username, email: input.email, emailVerified: false, passwordHash })
        .returning({ id: accounts.id });
      await tx.insert(accountPatrons).values({ accountId: account!.id, patronId: card.patronId, linkedAt: now, linkedBy: 'activation' });
      // Change log: activation links the card's patron record to the new account.
      await recordPerLibrary(tx, account!.id, 'membership_linked', patronLibraries(card.patronId));
      const token = await issueEmailVerification(tx, account!.id, input.email, now);
      return { accountId: account!.id, username: input.username, token };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    // A concurrent activation won the race: the same answers as the checks above.
    const constraint = uniqueViolation(error);
    if (constraint === 'accounts_username_lower_idx') return fail('invalid_input', { fieldErrors: { username: ['taken'] } });
    if (constraint !== null) return fail('already_linked');
    throw error;
  }
  // After the commit: a mail that fails leaves a pending address, which the settings can resend.
  // In the account's mail language, which starts as the default (nl) and is set in the settings.
  await mailEmailVerification(mail, { email: input.email, username: created.username, locale: 'nl' }, created.token);
  return ok({ accountId: created.accountId, username: created.username });
}

export const activation = publicAction({ name: 'activate', input: activationInput, run: (input, _read, ctx) => runActivation(input, ctx) });
