// What today's due-date reminder of one account says, given its facts and today — pure.
// The facts (lib/data/reminders.ts) are the loans due within the account's lead time or overdue,
// each with its renewal decision (R6 + RN1–RN8, as the loans page and the renew action decide it),
// the reservations ready for pick-up, the account's cards (R2) and the items earlier `sent` reminders
// told. The runner (lib/jobs/reminders.ts) mails the plan when it has news.
//
// Only news triggers a mail: each listed item has a key (loan + due date + state, reservation +
// ready-until); an account is mailed when one of today's items was not in an earlier sent reminder,
// and the mail then lists everything that needs attention. A loan due in three days thus gives one
// mail, not one every day until it is overdue; renewing it (new due date) or it becoming overdue
// (RN8: it may still be renewed) is news again.
import { cardLabel, cardSlug } from './card-label';
import { addDays, compareDates, type IsoDate } from './dates';
import type { RenewalDecision, RenewalRefusal } from './renewal';

/** Where an item is: its library (and region, R2) and branch. */
export interface ReminderPlace {
  libraryName: string;
  isil: string;
  regionCode: string | null;
  regionName: string | null;
  branchCode: string;
  branchName: string;
}

export interface ReminderLoanFact extends ReminderPlace {
  id: number;
  title: string;
  author: string | null;
  dueOn: IsoDate;
  renewal: RenewalDecision;
  /** Renewed by today's automatic renewal already (an earlier run today whose mail failed). */
  autoRenewedToday?: boolean;
}

export interface ReminderReadyFact extends ReminderPlace {
  id: number;
  title: string;
  readyUntil: IsoDate;
}

export interface ReminderFacts {
  accountId: number;
  username: string;
  email: string;
  locale: string;
  /** The account's cards (R2) in its card order. */
  cards: { slug: string; label: string }[];
  loans: ReminderLoanFact[];
  ready: ReminderReadyFact[];
  /** Item keys of earlier sent reminders. */
  toldKeys: string[];
  /** Opted in to automatic renewal the night before (off by default). */
  autoRenew: boolean;
}

/** What the automatic renewal of one loan did (the renew action's per-loan result). */
export type AutoRenewResult =
  | { outcome: 'renewed'; newDueOn: IsoDate }
  | { outcome: 'refused'; reason: RenewalRefusal | 'library_refused' | 'library_unreachable' | 'library_unconfirmed' | 'in_progress' };

export interface ReminderLoan {
  kind: 'loan';
  state: 'overdue' | 'due_soon';
  title: string;
  author: string | null;
  dueOn: string;
  renewal: RenewalDecision;
  /** Renewed automatically today, or why not (only for an account that opted in, loans due tomorrow). */
  auto?: AutoRenewResult;
}

export interface ReminderReservation {
  kind: 'ready';
  title: string;
  readyUntil: string;
}

export interface ReminderBranch {
  libraryName: string;
  branchCode: string;
  branchName: string;
  items: (ReminderLoan | ReminderReservation)[];
}

export interface ReminderCard {
  slug: string;
  label: string;
  branches: ReminderBranch[];
}

/** What the mail says (lib/mail/reminder-mail.ts renders it). */
export interface ReminderContent {
  to: string;
  username: string;
  locale: 'nl' | 'en';
  cards: ReminderCard[];
}

export interface PlannedReminder {
  accountId: number;
  itemKeys: string[];
  /** Some item was not in an earlier sent reminder. */
  news: boolean;
  content: ReminderContent;
}

/**
 * The loans the automatic renewal asks to renew today: those due tomorrow (Europe/Brussels), only
 * when the account opted in — plus those an earlier run today renewed already, so that a retry is
 * the same request and gets the stored answer. Which of them may be renewed is for the renew action
 * (RN1–RN8) to decide, so a refusal is reported with its reason.
 */
export function autoRenewLoanIds(facts: Pick<ReminderFacts, 'autoRenew' | 'loans'>, today: IsoDate): number[] {
  if (!facts.autoRenew) return [];
  const tomorrow = addDays(today, 1);
  // In id order: the renew path compares a repeated request's loan ids as given.
  return facts.loans
    .filter((loan) => loan.dueOn === tomorrow || loan.autoRenewedToday === true)
    .map((loan) => loan.id)
    .sort((a, b) => a - b);
}

/** Today's reminder of one account (R2 cards, per branch; each loan due soon or overdue with its renewal). */
export function planReminder(
  facts: ReminderFacts,
  today: IsoDate,
  autoRenewed: ReadonlyMap<number, AutoRenewResult> = new Map(),
): PlannedReminder {
  const cardOf = (place: ReminderPlace) => {
    const region = place.regionCode !== null && place.regionName !== null ? { code: place.regionCode, name: place.regionName } : null;
    const slug = cardSlug({ isil: place.isil, region });
    const card = facts.cards.find((c) => c.slug === slug);
    return { slug, label: card?.label ?? cardLabel(region, { name: place.libraryName }) };
  };

  const byCard = new Map<string, ReminderCard>();
  const branchOf = (place: ReminderPlace): ReminderBranch => {
    const { slug, label } = cardOf(place);
    const card = byCard.get(slug) ?? { slug, label, branches: [] };
    byCard.set(slug, card);
    let branch = card.branches.find((b) => b.libraryName === place.libraryName && b.branchCode === place.branchCode);
    if (!branch) {
      branch = { libraryName: place.libraryName, branchCode: place.branchCode, branchName: place.branchName, items: [] };
      card.branches.push(branch);
    }
    return branch;
  };

  const keys: string[] = [];
  for (const loan of facts.loans) {
    const state = compareDates(loan.dueOn, today) < 0 ? 'overdue' : 'due_soon';
    keys.push(`loan:${loan.id}:${loan.dueOn}:${state}`);
    const auto = autoRenewed.get(loan.id);
    // An automatic renewal's result is always news: it is told in that day's mail.
    if (auto) keys.push(`auto:${loan.id}:${today}`);
    branchOf(loan).items.push({
      kind: 'loan', state, title: loan.title, author: loan.author, dueOn: loan.dueOn, renewal: loan.renewal, ...(auto ? { auto } : {}),
    });
  }
  for (const hold of facts.ready) {
    keys.push(`ready:${hold.id}:${hold.readyUntil}`);
    branchOf(hold).items.push({ kind: 'ready', title: hold.title, readyUntil: hold.readyUntil });
  }

  // Cards in the account's card order (R2), branches by library name and code.
  const order = new Map(facts.cards.map((c, i) => [c.slug, i]));
  const sortedCards = [...byCard.values()].sort((a, b) => (order.get(a.slug) ?? 99) - (order.get(b.slug) ?? 99) || a.label.localeCompare(b.label, 'nl'));
  for (const card of sortedCards) {
    card.branches.sort((a, b) => a.libraryName.localeCompare(b.libraryName, 'nl') || a.branchCode.localeCompare(b.branchCode, 'nl'));
  }
  const told = new Set(facts.toldKeys);
  return {
    accountId: facts.accountId,
    itemKeys: keys,
    news: keys.some((k) => !told.has(k)),
    content: { to: facts.email, username: facts.username, locale: facts.locale === 'en' ? 'en' : 'nl', cards: sortedCards },
  };
}
