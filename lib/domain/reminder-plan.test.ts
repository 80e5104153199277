import { describe, expect, it } from 'vitest';
import { autoRenewLoanIds, planReminder, type AutoRenewResult, type ReminderFacts, type ReminderLoanFact, type ReminderPlace, type ReminderReadyFact } from './reminder-plan';

const today = '2026-11-23';
const zottegem: ReminderPlace = { libraryName: 'Bibliotheek Zottegem', isil: 'BE-ZOT01', regionCode: 'ZO', regionName: 'Regio Zottegem-Oosterzele', branchCode: '3550', branchName: 'Zottegem' };
const zottegemOther: ReminderPlace = { ...zottegem, branchCode: '3551', branchName: 'Strijpen' };
const oosterzele: ReminderPlace = { libraryName: 'Bibliotheek Oosterzele', isil: 'BE-OOS01', regionCode: 'ZO', regionName: 'Regio Zottegem-Oosterzele', branchCode: '9860', branchName: 'Oosterzele' };
const gent: ReminderPlace = { libraryName: 'Bibliotheek Gent', isil: 'BE-GNT01', regionCode: null, regionName: null, branchCode: '9000', branchName: 'Gent' };
const cards = [
  { slug: 'zo', label: 'Regio Zottegem-Oosterzele – Bibliotheek Zottegem' },
  { slug: 'be-gnt01', label: 'Bibliotheek Gent' },
];

const loan = (id: number, place: ReminderPlace, dueOn: string): ReminderLoanFact => ({
  ...place,
  id,
  title: `Title ${id}`,
  author: null,
  dueOn,
  renewal: { ok: true, newDueOn: '2026-12-21' },
});
const ready = (id: number, place: ReminderPlace, readyUntil: string): ReminderReadyFact => ({ ...place, id, title: `Hold ${id}`, readyUntil });
const facts = (over: Partial<ReminderFacts>): ReminderFacts => ({
  accountId: 7,
  username: 'rita',
  email: 'rita@example.be',
  locale: 'nl',
  cards,
  loans: [],
  ready: [],
  toldKeys: [],
  autoRenew: false,
  ...over,
});

/** Card slug → branch codes → item titles, as the mail lists them. */
const layout = (f: ReminderFacts) =>
  planReminder(f, today).content.cards.map((c) => [c.slug, c.branches.map((b) => [b.branchCode, b.items.map((i) => i.title)])]);

describe('R2 one card per region: a reminder groups its items per card and per branch', () => {
  it.each<[string, Partial<ReminderFacts>, unknown]>([
    ['two libraries of one region: one card', { loans: [loan(1, zottegem, '2026-11-25'), loan(2, oosterzele, '2026-11-20')] }, [['zo', [['9860', ['Title 2']], ['3550', ['Title 1']]]]]],
    ['two branches of one library: two branches, by code', { loans: [loan(1, zottegemOther, '2026-11-25'), loan(2, zottegem, '2026-11-26')] }, [['zo', [['3550', ['Title 2']], ['3551', ['Title 1']]]]]],
    ['a library in no region: a card of its own, in the account’s card order', { loans: [loan(1, gent, '2026-11-24'), loan(2, zottegem, '2026-11-25')] }, [['zo', [['3550', ['Title 2']]]], ['be-gnt01', [['9000', ['Title 1']]]]]],
    ['a ready reservation joins its pick-up branch', { loans: [loan(1, oosterzele, '2026-11-25')], ready: [ready(5, oosterzele, '2026-11-27')] }, [['zo', [['9860', ['Title 1', 'Hold 5']]]]]],
  ])('%s', (_name, over, expected) => {
    expect(layout(facts(over))).toEqual(expected);
  });

  it('a card the account does not list (yet) is labelled from its library', () => {
    const plan = planReminder(facts({ cards: [], loans: [loan(1, gent, '2026-11-24')] }), today);
    expect(plan.content.cards.map((c) => [c.slug, c.label])).toEqual([['be-gnt01', 'Bibliotheek Gent']]);
  });
});

describe('RN8 overdue loans are listed as overdue, with their renewal as decided', () => {
  it.each([
    ['due tomorrow', '2026-11-24', 'due_soon'],
    ['due today', '2026-11-23', 'due_soon'],
    ['due yesterday', '2026-11-22', 'overdue'],
  ])('%s → %s', (_name, dueOn, state) => {
    const [item] = planReminder(facts({ loans: [loan(1, zottegem, dueOn)] }), today).content.cards[0]!.branches[0]!.items;
    expect(item).toEqual({ kind: 'loan', state, title: 'Title 1', author: null, dueOn, renewal: { ok: true, newDueOn: '2026-12-21' } });
  });
});

describe('issue 8 §5 only news triggers a mail', () => {
  const items = { loans: [loan(1, zottegem, '2026-11-25')], ready: [ready(5, oosterzele, '2026-11-27')] };
  it.each<[string, string[], boolean]>([
    ['nothing told before', [], true],
    ['everything told before', ['loan:1:2026-11-25:due_soon', 'ready:5:2026-11-27'], false],
    ['the loan was renewed since (a new due date)', ['loan:1:2026-11-18:due_soon', 'ready:5:2026-11-27'], true],
    ['the loan was told, the reservation is new', ['loan:1:2026-11-25:due_soon'], true],
  ])('%s → news %s', (_name, toldKeys, news) => {
    const plan = planReminder(facts({ ...items, toldKeys }), today);
    expect(plan.itemKeys).toEqual(['loan:1:2026-11-25:due_soon', 'ready:5:2026-11-27']);
    expect(plan.news).toBe(news);
  });

  it('the mail goes to the account, in its language (anything else is Dutch)', () => {
    expect(planReminder(facts({ locale: 'en' }), today).content).toMatchObject({ to: 'rita@example.be', username: 'rita', locale: 'en', cards: [] });
    expect(planReminder(facts({ locale: 'fr' }), today).content.locale).toBe('nl');
  });
});

describe('issue 15 automatic renewal the night before: which loans, what the mail says', () => {
  const loans = [loan(1, zottegem, '2026-11-24'), loan(2, gent, '2026-11-24'), loan(3, zottegem, '2026-11-23'), loan(4, zottegem, '2026-11-25'), loan(5, oosterzele, '2026-11-20')];
  it.each<[string, boolean, ReminderLoanFact[], number[]]>([
    ['not opted in: none', false, loans, []],
    ['opted in: only the loans due tomorrow, in every library', true, loans, [1, 2]],
    ['opted in, nothing due tomorrow', true, [loans[2]!, loans[3]!, loans[4]!], []],
    ['opted in, no loans', true, [], []],
    ['opted in, a retry: also the loans renewed today already, in id order', true, [{ ...loan(9, zottegem, '2026-12-21'), autoRenewedToday: true }, loans[1]!, loans[3]!], [2, 9]],
    ['not opted in, renewed today flag ignored', false, [{ ...loan(9, zottegem, '2026-12-21'), autoRenewedToday: true }], []],
  ])('%s', (_name, autoRenew, list, ids) => {
    expect(autoRenewLoanIds(facts({ autoRenew, loans: list }), today)).toEqual(ids);
  });

  it.each<[string, AutoRenewResult | undefined, string[]]>([
    ['renewed: the result is on the loan and is news', { outcome: 'renewed', newDueOn: '2026-12-22' }, ['loan:1:2026-11-24:due_soon', 'auto:1:2026-11-23']],
    ['refused by the rules: the reason is on the loan', { outcome: 'refused', reason: 'reserved' }, ['loan:1:2026-11-24:due_soon', 'auto:1:2026-11-23']],
    ['no result (not opted in): the plain reminder', undefined, ['loan:1:2026-11-24:due_soon']],
  ])('%s', (_name, result, keys) => {
    const auto = new Map(result ? [[1, result] as const] : []);
    const plan = planReminder(facts({ autoRenew: true, loans: [loan(1, zottegem, '2026-11-24')], toldKeys: ['loan:1:2026-11-24:due_soon'] }), today, auto);
    expect(plan.itemKeys).toEqual(keys);
    expect(plan.news).toBe(result !== undefined);
    const [item] = plan.content.cards[0]!.branches[0]!.items;
    expect(item).toMatchObject(result ? { kind: 'loan', auto: result } : { kind: 'loan' });
    if (!result) expect(item).not.toHaveProperty('auto');
  });
});
