'use server';
import 'server-only';
// Renew loans: "Alles verlengen" for a card, or "Selectie verlengen" for chosen loans.
// Thin: the builder checks the session and parses the hostile input; renewLoansForAccount decides
// and writes (RN1–RN8, P3, one transaction, idempotent per requestKey). The client refreshes the
// page afterwards (router.refresh()), so nothing is revalidated here.
import { accountAction } from '@/lib/actions/account-action';
import { todayInBrussels } from '@/lib/domain/dates';
import { librarySystems } from '@/lib/library-systems/registry';
import { renewLoansForAccount, renewLoansInput, type RenewLoansInput, type RenewLoansResponse } from './renew-loans-core';
import type { ActionResult } from './account-action';

const action = accountAction(renewLoansInput, (input, { account, db }) =>
  renewLoansForAccount(db, account, input, todayInBrussels(new Date()), librarySystems()),
);

/** Renews the selected loans (`loanIds`) or every open loan of the card (`all` + `cardSlug`). */
export async function renewLoans(input: RenewLoansInput): Promise<ActionResult<RenewLoansResponse>> {
  return action(input);
}
