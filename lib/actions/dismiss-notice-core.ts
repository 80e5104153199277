import 'server-only';
// "Begrepen" on a card's notice — the patron has read that a library did not take over
// a change they made in the portal. A plain function the tests call directly; the 'use server'
// wrapper in dismiss-notice.ts adds the session and zod parsing. ONE statement, authorised in its
// own WHERE: only a rejected change of the signed-in account itself (P3); anything else — another
// account's change, an unknown id, a change that was not rejected — is `not_found`, the same answer
// for each, so nothing is learnt about other accounts' changes.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SignedInAccount } from '@/lib/auth/session';
import { queryView } from '@/lib/data/cards';
import { fail, ok, type ActionResult } from './account-action';

export interface DismissNoticeInput {
  changeId: number;
}

/**
 * Sets `notice_dismissed_at` of the account's rejected change `changeId`. Dismissing twice (a form
 * posted twice without JavaScript) is fine: the first moment is kept and the answer is the same.
 */
export async function dismissNoticeForAccount(
  db: Executor,
  account: SignedInAccount,
  input: DismissNoticeInput,
  now: Date = new Date(),
): Promise<ActionResult<{ changeId: number }>> {
  if (!Number.isSafeInteger(input.changeId) || input.changeId <= 0 || input.changeId > 2_147_483_647) return fail('not_found');
  const view = await queryView<{ dismissed: number }>(
    db,
    sql`
      with dismissed as (
        update portal_changes
           set notice_dismissed_at = coalesce(notice_dismissed_at, ${now.toISOString()}::timestamptz)
         where id = ${input.changeId}
           and account_id = ${account.accountId}
           and status = 'rejected'
        returning id
      )
      select json_build_object('dismissed', (select count(*) from dismissed)::int) as view`,
  );
  return view.dismissed > 0 ? ok({ changeId: input.changeId }) : fail('not_found');
}
