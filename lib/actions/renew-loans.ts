'use server';
import 'server-only';
// Renew loans: "Alles verlengen" for a card, or "Selectie verlengen" for chosen loans.
// Thin: the builder checks the session and parses the hostile input; renewLoansForAccount decides
// and writes (RN1–RN8, P3, one transaction, idempotent per requestKey). With JavaScript the client
// calls `renewLoans` and refreshes the page afterwards (router.refresh()), so nothing is
// revalidated here. `renewLoansForm` is the same for the loans page's <form action> before (or
// without) JavaScript: the browser POSTs the form, and the page re-renders with this answer.
import { z } from 'zod';
import { accountAction } from '@/lib/actions/account-action';
import { todayInBrussels } from '@/lib/domain/dates';
import { librarySystems } from '@/lib/library-systems/registry';
import { MAX_RENEW_IDS, renewLoansForAccount, renewLoansInput, type RenewLoansInput, type RenewLoansResponse } from './renew-loans-core';
import type { ActionResult } from './account-action';

const action = accountAction(renewLoansInput, (input, { account, db }) =>
  renewLoansForAccount(db, account, input, todayInBrussels(new Date()), librarySystems()),
);

/** Renews the selected loans (`loanIds`) or every open loan of the card (`all` + `cardSlug`). */
export async function renewLoans(input: RenewLoansInput): Promise<ActionResult<RenewLoansResponse>> {
  return action(input);
}

const loanIdField = z.coerce.number().int().min(1).max(2_147_483_647);

/**
 * The loans page's form: `intent` is the button pressed ("all" or "selected"), `loanId` each
 * checked box (repeated), `requestKey` a key the page rendered for this form (a resubmitted POST
 * is answered with its first result, RN7). "selected" without any box is `invalid_input` on `loanIds`.
 */
const renewFormInput = z
  .object({
    requestKey: z.uuid(),
    cardSlug: z.string().min(1).max(80).regex(/^[a-z0-9_-]+$/),
    intent: z.enum(['all', 'selected']),
    loanId: z.union([loanIdField, z.array(loanIdField).min(1).max(MAX_RENEW_IDS)]).optional(),
  })
  .transform(({ requestKey, cardSlug, intent, loanId }): RenewLoansInput =>
    intent === 'all'
      ? { requestKey, cardSlug, all: true }
      : { requestKey, cardSlug, loanIds: loanId === undefined ? undefined : Array.isArray(loanId) ? loanId : [loanId] },
  )
  .pipe(renewLoansInput);

const formAction = accountAction(
  renewFormInput,
  (input, { account, db }) => renewLoansForAccount(db, account, input, todayInBrussels(new Date()), librarySystems()),
  { name: 'renewLoansForm' },
);

/** The same as `renewLoans`, for the loans page's <form action> (useActionState). */
export async function renewLoansForm(
  _previous: ActionResult<RenewLoansResponse> | null,
  formData: FormData,
): Promise<ActionResult<RenewLoansResponse>> {
  return formAction(formData);
}
