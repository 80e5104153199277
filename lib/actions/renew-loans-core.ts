import 'server-only';
// Renew a selection of loans, or every open loan of a card (RN1–RN8, P3). The server
// action (renew-loans.ts) is a thin wrapper; this is the plain function the tests drive.
//
// One request = ONE transaction with a constant number of statements, whatever the number of loans:
//   1. claim the idempotency key: insert into renewal_requests … on conflict do nothing. A second
//      request with the same key blocks on the primary key until the first commits, then finds the
//      row and returns the stored response — never a second renewal, never an "in progress" state
//      (the response is written in the same transaction as the claim, so nobody sees a claim without
//      it). If the first request fails, its claim rolls back and the retry runs afresh.
//   2. read every input in one statement (lib/data/renewal-inputs) and decide each loan (pure);
//   3. RN7: ONE multi-row conditional update of the renewable loans only —
//      `… where id = v.id and returned_on is null and renewals = v.seen_renewals and due_on = v.seen_due`.
//      Refusals are never part of it, so a refusal cannot undo another loan's renewal; the per-row
//      condition makes every loan renew at most once however many requests race. The rows are first
//      locked in id order (`for no key update`, which does not conflict with the key-share locks the
//      log's foreign key takes), so concurrent renew-alls cannot deadlock. A loan whose condition no
//      longer holds was renewed (or returned) by a concurrent request meanwhile: it is reported as
//      that other renewal's result (re-read in one statement, only when it happens), not renewed again.
//      The same statement records each loan it renewed in the change log (a CTE);
//   4. one renewal_log row per attempt (one statement), including refusals and foreign ids that
//      exist (an audit trail of probing; nothing about them reaches the patron);
//   5. store the response under the key.
//
// A loan of a *linked* library (L1) is decided by that library's system, and no transaction stays
// open while it answers: step 3 claims such loans instead (lib/actions/library-claims.ts) and the
// transaction commits; the libraries are asked in parallel (renew-at-library.ts); then a second
// short transaction stores each library's due date (recorded in the change log as confirmed by the
// library, in the same statement), releases the claims, logs and stores the answer. A twin
// request arriving meanwhile waits for that answer (waitForStoredAnswer).
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { renewalRequests } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/account-action';
import type { SignedInAccount } from '@/lib/auth/session';
import type { IsoDate } from '@/lib/domain/dates';
import { decideRenewal, type RenewalRefusal } from '@/lib/domain/renewal';
import { insertChanges } from './change-log';
import { intArrayLiteral, listRenewalCandidates, type RenewalCandidate, type RenewalScope } from '@/lib/data/renewal-inputs';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from '@/lib/library-systems/port';
import { claimLoans, loanSubject, releaseSubjects } from './library-claims';
import { renewAtLibraries, type LibraryRenewalAnswer, type LibraryRenewalCall } from './renew-at-library';

/** Largest selection one request may name. */
export const MAX_RENEW_IDS = 500;
const INT_MAX = 2_147_483_647;

/** The hostile input, parsed: exactly one of `all` (with a card) or `loanIds`. */
export const renewLoansInput = z
  .strictObject({
    requestKey: z.uuid(),
    cardSlug: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9_-]+$/)
      .optional(),
    loanIds: z.array(z.int().min(1).max(INT_MAX)).min(1).max(MAX_RENEW_IDS).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => (v.all === true) !== (v.loanIds !== undefined), {
    error: 'give either all: true or loanIds',
    path: ['loanIds'],
  })
  .refine((v) => v.all !== true || v.cardSlug !== undefined, { error: 'renew all needs a card', path: ['cardSlug'] });

export type RenewLoansInput = z.input<typeof renewLoansInput>;

/**
 * Refusals that come from a linked library (L1, L4) rather than from the portal's own rules:
 * - `library_refused`: the library's system said no; `libraryMessage` holds its own words;
 * - `library_unreachable`: the system could not be reached; nothing was changed;
 * - `library_unconfirmed`: the renewal was sent but no answer came in time: it may have gone
 *   through at the library; the portal's copy is unchanged until a refresh tells;
 * - `in_progress`: another request is asking the library about this loan right now.
 */
export type LibraryRefusal = 'library_refused' | 'library_unreachable' | 'library_unconfirmed' | 'in_progress';

export type RenewItemResult =
  | { loanId: number; outcome: 'renewed'; newDueOn: IsoDate }
  | {
      loanId: number;
      outcome: 'refused';
      reason: RenewalRefusal | LibraryRefusal;
      /** The library's name, with the library refusals. */
      libraryName?: string;
      /** With `library_refused`: the library's own message, when it gave one. */
      libraryMessage?: string | null;
    };

export interface RenewLoansResponse {
  items: RenewItemResult[];
  renewed: number;
  refused: number;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** What a request asked for; a reused key with another request is refused, not answered wrongly. */
interface RequestFingerprint {
  cardSlug: string | null;
  loanIds: number[] | null;
  all: boolean;
}

interface StoredResponse {
  request: RequestFingerprint;
  items: RenewItemResult[];
  renewed: number;
  refused: number;
}

/** Failure codes beyond the builder's: the key was used before for a different request. */
export type RenewFailureCode = 'invalid_input' | 'request_key_reused' | 'in_progress';

const PENDING = { state: 'pending' } as const;

/** Field by field: jsonb does not keep key order, so the stored fingerprint is not compared as text. */
const sameRequest = (a: RequestFingerprint | undefined, b: RequestFingerprint) =>
  a !== undefined &&
  a.cardSlug === b.cardSlug &&
  a.all === b.all &&
  JSON.stringify(a.loanIds) === JSON.stringify(b.loanIds);

function summarise(request: RequestFingerprint, items: RenewItemResult[]): StoredResponse {
  const renewed = items.filter((i) => i.outcome === 'renewed').length;
  return { request, items, renewed, refused: items.length - renewed };
}

interface Renewable {
  loanId: number;
  seenRenewals: number;
  seenDue: IsoDate;
  newDue: IsoDate;
}

/** The renewal's change-log row, over a CTE `renewed` of the loans the statement renewed. */
const renewalChange = {
  from: sql`renewed r`,
  patronId: sql`r.patron_id`,
  libraryId: sql`r.library_id`,
  loanId: sql`r.id`,
  details: { oldDueOn: sql`r.old_due`, newDueOn: sql`r.new_due`, oldRenewals: sql`r.old_renewals`, newRenewals: sql`r.new_renewals` },
};

/** RN7: the conditional multi-row update, recorded in the change log by the same statement; returns the ids it renewed. */
async function renewConditionally(tx: Executor, account: SignedInAccount, renewables: readonly Renewable[]): Promise<Set<number>> {
  if (renewables.length === 0) return new Set();
  const values = JSON.stringify(
    renewables.map((r) => ({ id: r.loanId, seen_renewals: r.seenRenewals, seen_due: r.seenDue, new_due: r.newDue })),
  );
  // The loans by primary key only (`l.id = any(…)`, an index condition whatever the planner guesses
  // for the recordset): were `returned_on is null` a condition on the update, the planner could
  // read every open loan through the partial loans_one_open_per_item_idx and filter by id (it does
  // on a network of a few thousand open loans). `locked` reads whether the loan is open: the row is
  // locked from then on (FOR NO KEY UPDATE returns its latest version), so that stays true.
  const ids = sql`${intArrayLiteral(renewables.map((r) => r.loanId))}::int[]`;
  const result = await tx.execute(sql`
    with v as materialized (
      select * from jsonb_to_recordset(${values}::jsonb) as v(id int, seen_renewals int, seen_due date, new_due date)
    ),
    locked as materialized (
      select l.id, l.returned_on is null as open from loans l where l.id = any(${ids}) order by l.id for no key update
    ),
    renewed as (
      update loans l
         set due_on = v.new_due, renewals = l.renewals + 1
        from v join locked k on k.id = v.id
       where l.id = v.id and l.id = any(${ids})
         and k.open
         and l.renewals = v.seen_renewals
         and l.due_on = v.seen_due
      returning l.id, l.patron_id, l.library_id, v.seen_due as old_due, l.due_on as new_due,
                v.seen_renewals as old_renewals, l.renewals as new_renewals
    ),
    recorded as (${insertChanges(account.accountId, 'renewal', renewalChange)})
    select id from renewed`);
  return new Set(rowsOf<{ id: number }>(result).map((r) => Number(r.id)));
}

/** Loans whose condition failed: what the concurrent request left (one statement). */
async function currentState(tx: Executor, ids: readonly number[]) {
  const result = await tx.execute(sql`
    select id, due_on as "dueOn", renewals, returned_on as "returnedOn"
      from loans where id = any(${intArrayLiteral(ids)}::int[])`);
  return new Map(
    rowsOf<{ id: number; dueOn: IsoDate; renewals: number; returnedOn: IsoDate | null }>(result).map((r) => [Number(r.id), r]),
  );
}

/** One renewal_log row: what this attempt did (a loan renewed by a concurrent request is `refused`, reason `concurrent`). */
interface LogEntry {
  loanId: number;
  result: 'renewed' | 'refused';
  reason: string | null;
  newDueOn: IsoDate | null;
}

/**
 * L1: the library's due date, stored only for the loans it confirmed, and recorded in the change log
 * as confirmed by the library (one statement).
 */
async function storeLibraryRenewals(
  tx: Executor,
  account: SignedInAccount,
  requestKey: string,
  renewed: readonly { loanId: number; dueOn: IsoDate }[],
) {
  if (renewed.length === 0) return;
  const values = JSON.stringify(renewed.map((r) => ({ id: r.loanId, due: r.dueOn })));
  // Only while the claim is still this request's: were it expired and taken over, the other
  // request's answer is the newer one. `o` is the loan as it was before this statement.
  await tx.execute(sql`
    with renewed as (
      update loans l
         set due_on = greatest(v.due, l.lent_on), renewals = l.renewals + 1
        from jsonb_to_recordset(${values}::jsonb) as v(id int, due date), loans o
       where l.id = v.id and o.id = l.id and l.returned_on is null
         and exists (select 1 from library_claims c
                      where c.subject = 'loan:' || l.id and c.request_key = ${requestKey} and c.released_at is null)
      returning l.id, l.patron_id, l.library_id, o.due_on as old_due, l.due_on as new_due,
                o.renewals as old_renewals, l.renewals as new_renewals
    )
    ${insertChanges(account.accountId, 'renewal', renewalChange, 'library')}`);
}

/** How long a twin request waits for the first one's answer before saying "in progress". */
const TWIN_WAIT_MS = 45_000;
const TWIN_POLL_MS = 250;

async function readStored(db: Executor, accountId: number, requestKey: string): Promise<StoredResponse | { state: 'pending' } | undefined> {
  const [stored] = await db
    .select({ response: renewalRequests.response })
    .from(renewalRequests)
    .where(and(eq(renewalRequests.accountId, accountId), eq(renewalRequests.requestKey, requestKey)));
  return stored?.response as StoredResponse | { state: 'pending' } | undefined;
}

const isPending = (r: unknown): r is { state: 'pending' } => (r as { state?: string } | undefined)?.state === 'pending';

/** A twin of a request that is still waiting on a library: wait (bounded) for its answer. */
async function waitForStoredAnswer(
  db: Db,
  account: SignedInAccount,
  requestKey: string,
  request: RequestFingerprint,
): Promise<ActionResult<RenewLoansResponse>> {
  const until = Date.now() + TWIN_WAIT_MS;
  for (;;) {
    const response = await readStored(db, account.accountId, requestKey);
    if (!isPending(response)) return replay(response, request);
    if (Date.now() > until) return { ok: false, code: 'in_progress' };
    await new Promise((resolve) => setTimeout(resolve, TWIN_POLL_MS));
  }
}

function replay(response: StoredResponse | undefined, request: RequestFingerprint): ActionResult<RenewLoansResponse> {
  if (!response?.items || !sameRequest(response.request, request)) return { ok: false, code: 'request_key_reused' };
  return { ok: true, data: { items: response.items, renewed: response.renewed, refused: response.refused, replayed: true } };
}

/** What the first transaction leaves for the libraries to decide. */
interface LibraryPhase {
  items: (RenewItemResult | { loanId: number; pendingAt: LibraryRenewalCall & { libraryName: string } })[];
  calls: (LibraryRenewalCall & { libraryName: string })[];
}

function libraryItem(call: LibraryRenewalCall & { libraryName: string }, answer: LibraryRenewalAnswer | undefined): RenewItemResult {
  if (answer?.outcome === 'renewed') return { loanId: call.loanId, outcome: 'renewed', newDueOn: answer.dueOn };
  if (answer?.outcome === 'refused') {
    return { loanId: call.loanId, outcome: 'refused', reason: 'library_refused', libraryName: call.libraryName, libraryMessage: answer.message };
  }
  const reason = answer?.outcome === 'unconfirmed' ? 'library_unconfirmed' : 'library_unreachable';
  return { loanId: call.loanId, outcome: 'refused', reason, libraryName: call.libraryName };
}

const logOf = (item: RenewItemResult): LogEntry =>
  item.outcome === 'renewed'
    ? { loanId: item.loanId, result: 'renewed', reason: null, newDueOn: item.newDueOn }
    : { loanId: item.loanId, result: 'refused', reason: item.reason, newDueOn: null };

/** The call to send for a loan the portal's rules allow, when its library is linked; else null. */
function libraryCallOf(systems: LibrarySystems, loanId: number, candidate: RenewalCandidate) {
  if (!systems.forLibrary(candidate.loan.isil)) return null;
  return {
    loanId,
    isil: candidate.loan.isil,
    libraryName: candidate.loan.libraryName,
    libraryPatronId: candidate.loan.libraryPatronId,
    itemBarcode: candidate.loan.itemBarcode,
    currentDue: candidate.loan.dueOn,
  };
}

async function writeLog(tx: Executor, account: SignedInAccount, requestKey: string, entries: readonly LogEntry[]) {
  if (entries.length === 0) return;
  const rows = JSON.stringify(
    entries.map((e) => ({ loan_id: e.loanId, result: e.result, reason: e.reason, new_due_on: e.newDueOn })),
  );
  // Ids that name no loan at all cannot be logged (foreign key); they changed nothing either.
  await tx.execute(sql`
    insert into renewal_log (account_id, loan_id, result, reason, new_due_on, request_key)
    select ${account.accountId}, v.loan_id, v.result, v.reason, v.new_due_on, ${requestKey}
      from jsonb_to_recordset(${rows}::jsonb) as v(loan_id int, result text, reason text, new_due_on date)
     where exists (select 1 from loans l where l.id = v.loan_id)`);
}

/**
 * Renews the account's loans named by `rawInput` on `today` (Europe/Brussels) and reports per loan.
 * Input is parsed here too (the action is a public endpoint; tests call this directly).
 */
export async function renewLoansForAccount(
  db: Db,
  account: SignedInAccount,
  rawInput: unknown,
  today: IsoDate,
  systems: LibrarySystems = NO_LIBRARY_SYSTEMS,
): Promise<ActionResult<RenewLoansResponse>> {
  const parsed = renewLoansInput.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.code);
    return { ok: false, code: 'invalid_input', fieldErrors };
  }
  const input = parsed.data;
  const loanIds = input.loanIds ? [...new Set(input.loanIds)] : null;
  const request: RequestFingerprint = { cardSlug: input.cardSlug ?? null, loanIds, all: input.all === true };
  const scope: RenewalScope = loanIds
    ? { kind: 'ids', loanIds, cardSlug: input.cardSlug }
    : { kind: 'card', cardSlug: input.cardSlug as string };

  const first = await db.transaction(async (tx): Promise<ActionResult<RenewLoansResponse> | { twin: true } | { askLibraries: LibraryPhase }> => {
    // 1. Claim the key (a concurrent twin waits here for our commit).
    const claimed = await tx
      .insert(renewalRequests)
      .values({ accountId: account.accountId, requestKey: input.requestKey, response: PENDING })
      .onConflictDoNothing()
      .returning({ key: renewalRequests.requestKey });
    if (claimed.length === 0) {
      const [stored] = await tx
        .select({ response: renewalRequests.response })
        .from(renewalRequests)
        .where(and(eq(renewalRequests.accountId, account.accountId), eq(renewalRequests.requestKey, input.requestKey)));
      if (isPending(stored?.response)) return { twin: true as const };
      return replay(stored?.response as StoredResponse | undefined, request);
    }

    // 2. Read and decide.
    const candidates = await listRenewalCandidates(tx, account, scope, today);
    const ids = loanIds ?? [...candidates.keys()];
    const decided = ids.map((loanId) => {
      const candidate = candidates.get(loanId);
      // P3/RN1: not the account's (or no such loan) — refused, nothing read or written for it.
      const decision = candidate ? decideRenewal(candidate.input) : ({ ok: false, reason: 'not_linked' } as const);
      return { loanId, candidate, decision };
    });

    // 3. The conditional update of the renewable ones only; a linked library's loans are claimed
    //    for its system to decide instead (L1).
    const calls = new Map<number, LibraryRenewalCall & { libraryName: string }>();
    const asDecided = [];
    for (const { loanId, candidate, decision } of decided) {
      const call = decision.ok && candidate ? libraryCallOf(systems, loanId, candidate) : null;
      if (call && candidate) {
        calls.set(loanId, call);
        asDecided.push({ loanId, seenRenewals: candidate.loan.renewals, seenDue: candidate.loan.dueOn });
      }
    }
    const claimedLoans = await claimLoans(tx, account.accountId, input.requestKey, asDecided);
    const renewables: Renewable[] = decided.flatMap(({ loanId, candidate, decision }) =>
      decision.ok && candidate && !calls.has(loanId)
        ? [{ loanId, seenRenewals: candidate.loan.renewals, seenDue: candidate.loan.dueOn, newDue: decision.newDueOn }]
        : [],
    );
    const renewedIds = await renewConditionally(tx, account, renewables);
    const lost = renewables.filter((r) => !renewedIds.has(r.loanId)).map((r) => r.loanId);
    const now = lost.length > 0 ? await currentState(tx, lost) : null;

    const log: LogEntry[] = [];
    const items: LibraryPhase['items'] = decided.map(({ loanId, decision }) => {
      const call = calls.get(loanId);
      if (call && claimedLoans.has(loanId)) return { loanId, pendingAt: call };
      if (call) {
        // RN7: another request is asking the library about this loan right now, or did since this
        // request read it: nothing is sent twice.
        log.push({ loanId, result: 'refused', reason: 'in_progress', newDueOn: null });
        return { loanId, outcome: 'refused', reason: 'in_progress', libraryName: call.libraryName } satisfies RenewItemResult;
      }
      if (!decision.ok) {
        log.push({ loanId, result: 'refused', reason: decision.reason, newDueOn: null });
        return { loanId, outcome: 'refused', reason: decision.reason };
      }
      if (renewedIds.has(loanId)) {
        log.push({ loanId, result: 'renewed', reason: null, newDueOn: decision.newDueOn });
        return { loanId, outcome: 'renewed', newDueOn: decision.newDueOn };
      }
      // RN7: a concurrent request renewed (or the desk returned) it between our read and our
      // update: report that result instead of renewing a second time.
      const state = now?.get(loanId);
      if (!state || state.returnedOn !== null) {
        log.push({ loanId, result: 'refused', reason: 'returned', newDueOn: null });
        return { loanId, outcome: 'refused', reason: 'returned' };
      }
      log.push({ loanId, result: 'refused', reason: 'concurrent', newDueOn: state.dueOn });
      return { loanId, outcome: 'renewed', newDueOn: state.dueOn };
    });

    // 4. The log, 5. the stored answer — unless libraries are still to be asked.
    await writeLog(tx, account, input.requestKey, log);
    const pendingCalls = items.flatMap((i) => ('pendingAt' in i ? [i.pendingAt] : []));
    if (pendingCalls.length > 0) return { askLibraries: { items, calls: pendingCalls } };
    return storeAnswer(tx, account, input.requestKey, request, items as RenewItemResult[]);
  });

  if ('twin' in first) return waitForStoredAnswer(db, account, input.requestKey, request);
  if (!('askLibraries' in first)) return first;

  // The libraries decide, with no transaction open while they answer (renewAtLibraries never
  // throws: a failure is an answer), then the claims are released and the answer stored.
  const { items: partial, calls } = first.askLibraries;
  const answers = await renewAtLibraries(systems, calls);
  const items = partial.map((i) => ('pendingAt' in i ? libraryItem(i.pendingAt, answers.get(i.loanId)) : i));
  const decidedByLibrary = items.filter((i) => calls.some((c) => c.loanId === i.loanId));
  return db.transaction(async (tx) => {
    await storeLibraryRenewals(
      tx,
      account,
      input.requestKey,
      decidedByLibrary.flatMap((i) => (i.outcome === 'renewed' ? [{ loanId: i.loanId, dueOn: i.newDueOn }] : [])),
    );
    await releaseSubjects(tx, input.requestKey, calls.map((c) => loanSubject(c.loanId)));
    await writeLog(tx, account, input.requestKey, decidedByLibrary.map(logOf));
    return storeAnswer(tx, account, input.requestKey, request, items);
  });
}

async function storeAnswer(
  tx: Executor,
  account: SignedInAccount,
  requestKey: string,
  request: RequestFingerprint,
  items: RenewItemResult[],
): Promise<ActionResult<RenewLoansResponse>> {
  const response = summarise(request, items);
  await tx
    .update(renewalRequests)
    .set({ response })
    .where(and(eq(renewalRequests.accountId, account.accountId), eq(renewalRequests.requestKey, requestKey)));
  return { ok: true, data: { items, renewed: response.renewed, refused: response.refused, replayed: false } };
}
