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
import { compareDates, type IsoDate } from './dates';
import type { RenewalDecision } from './renewal';

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
}

export interface ReminderLoan {
  kind: 'loan';
  state: 'overdue' | 'due_soon';
  title: string;
  author: string | null;
  dueOn: string;
  renewal: RenewalDecision;
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

/** Today's reminder of one account (R2 cards, per branch; each loan due soon or overdue with its renewal). */
export function planReminder(facts: ReminderFacts, today: IsoDate): PlannedReminder {
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
    branchOf(loan).items.push({ kind: 'loan', state, title: loan.title, author: loan.author, dueOn: loan.dueOn, renewal: loan.renewal });
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
