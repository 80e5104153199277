// Hostile input for EVERY server action, on both drivers.
//
// A server action is a public POST endpoint: anyone can call it with any serialisable arguments,
// not only what our forms send. So each exported action of lib/actions/*.ts is called here the way
// Next.js calls it — the real 'use server' function, through the accountAction builder (session →
// parseInput with its 64 KB cap → zod → core) — with wrong types, missing fields, unknown keys,
// 1 MB strings, arrays where scalars belong, nested junk, and another account's ids. Every answer
// must be a typed failure (never a throw, never `server_error`, which would mean something threw
// inside), and the database must be unchanged: a snapshot of every table before and after.
//
// Only the request context is stood in for: the session (getSignedInAccount → the hostile account,
// mallory, or nobody), the database handle (the test database), next/headers, next/cache, the
// session cookie re-issue and the mailer. Origin mismatch is an HTTP-level check in proxy.ts,
// covered by e2e/security-headers.spec.ts.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '@/lib/auth/session';
import { describeOnDatabases, drivers } from '@/test/db';
import {
  asFormData,
  fieldJunk,
  formData,
  genericJunk,
  importHostileScenario,
  ONE_MB,
  snapshotDatabase,
  withoutTables,
  type HostileScenario,
} from './support';

const ctx = vi.hoisted(() => ({
  db: null as unknown,
  account: null as SignedInAccount | null,
  headers: new Headers({ 'x-forwarded-for': '203.0.113.66', 'x-request-id': 'hostile-suite-0001' }),
  cookiesSet: [] as unknown[],
}));

vi.mock('@/db/client', async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => ctx.db }));
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getSignedInAccount: async () => ctx.account,
}));
vi.mock('next/headers', () => ({
  headers: async () => ctx.headers,
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: (...args: unknown[]) => ctx.cookiesSet.push(args),
    delete: () => {},
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));
vi.mock('@/lib/auth/session-reissue', () => ({
  reissueSession: async () => {},
  clearSessionCookie: async () => {},
  startSession: async () => {
    throw new Error('hostile input must never start a session');
  },
}));
vi.mock('@/lib/mail/transport', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getMailer: () => ({ kind: 'outbox', send: async () => {} }),
}));

const { renewLoans, renewLoansForm } = await import('@/lib/actions/renew-loans');
const { cancelReservation, changePickupBranch, cancelReservationForm, changePickupBranchForm } = await import('@/lib/actions/reservations');
const { setHistoryRecording, clearHistory, setHistoryRecordingForm, clearHistoryForm } = await import('@/lib/actions/history');
const { linkMembership } = await import('@/lib/actions/link-membership');
const { unlinkMembership, unlinkMembershipForm } = await import('@/lib/actions/unlink-membership');
const { changePassword, changeEmail, resendVerification, signOutEverywhere } = await import('@/lib/actions/account-settings');
const { activate } = await import('@/lib/actions/activate');
const { signInWithPassword } = await import('@/lib/actions/sign-in');
const { setLocale } = await import('@/lib/actions/set-locale');
const { refreshCard, refreshCardForm } = await import('@/lib/actions/refresh-card');
const { dismissNotice, dismissNoticeForm } = await import('@/lib/actions/dismiss-notice');
// The recovery actions (forgot password, forgot username, e-mail change) are still moving: their cases are built from what is exported,
// and the coverage test below fails when an export has no case.
const forgotPasswordModule = (await import('@/lib/actions/forgot-password')) as Record<string, unknown>;
const forgotUsernameModule = (await import('@/lib/actions/forgot-username')) as Record<string, unknown>;
const resetPasswordModule = (await import('@/lib/actions/reset-password')) as Record<string, unknown>;
const confirmEmailModule = (await import('@/lib/actions/confirm-email')) as Record<string, unknown>;
const reminderSettingsModule = (await import('@/lib/actions/reminder-settings')) as Record<string, unknown>;
const calendarFeedModule = (await import('@/lib/actions/calendar-feed')) as Record<string, unknown>;
const apiTokensModule = (await import('@/lib/actions/api-tokens')) as Record<string, unknown>;
type AnyAction = (...args: unknown[]) => Promise<unknown>;
const exportedFn = (mod: Record<string, unknown>, name: string) => (typeof mod[name] === 'function' ? (mod[name] as AnyAction) : null);
const RECOVERY_ACTIONS: [string, Record<string, unknown>, string][] = [
  ['requestEmailChange', confirmEmailModule, 'requestEmailChange'],
  ['requestEmailChangeForm', confirmEmailModule, 'requestEmailChangeForm'],
  ['saveReminderSettings', reminderSettingsModule, 'saveReminderSettings'],
  ['calendarFeedAction', calendarFeedModule, 'calendarFeedAction'],
  ['apiTokenAction', apiTokensModule, 'apiTokenAction'],
  ['forgotPassword (public)', forgotPasswordModule, 'forgotPassword'],
  ['forgotUsername (public)', forgotUsernameModule, 'forgotUsername'],
  ['resetPasswordAction (public)', resetPasswordModule, 'resetPasswordAction'],
  ['confirmEmailAction (public)', confirmEmailModule, 'confirmEmailAction'],
];
const CASE_NAMES = [
  'renewLoans', 'renewLoansForm', 'renewLoansForm (all)', 'cancelReservation', 'cancelReservationForm', 'changePickupBranchForm', 'setHistoryRecordingForm', 'clearHistoryForm', 'unlinkMembershipForm', 'changePickupBranch', 'setHistoryRecording', 'clearHistory', 'linkMembership',
  'unlinkMembership', 'changePassword', 'changeEmail', 'resendVerification', 'activate (public)', 'signInWithPassword (public)', 'refreshCard', 'refreshCardForm', 'dismissNotice', 'dismissNoticeForm',
  ...RECOVERY_ACTIONS.filter(([, mod, fn]) => exportedFn(mod, fn)).map(([name]) => name),
];
const { parseInput } = await import('@/lib/actions/account-action');
const { renewLoansForAccount, renewLoansInput } = await import('@/lib/actions/renew-loans-core');
const { cancelReservationForAccount, changePickupForAccount } = await import('@/lib/actions/reservations-core');
const { setHistoryRecordingForAccount, clearHistoryForAccount } = await import('@/lib/actions/history-core');
const { unlinkPatronForAccount } = await import('@/lib/actions/unlink-membership-core');
const { dismissNoticeForAccount } = await import('@/lib/actions/dismiss-notice-core');

/** What a call answered, reduced to what the suite judges: a code, or how it failed. */
type Outcome = { kind: 'result'; ok: boolean; code?: string; status?: string } | { kind: 'threw'; error: string } | { kind: 'redirect' };

let lastResult: unknown;

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    lastResult = undefined;
    const r = (lastResult = await call()) as { ok?: boolean; code?: string; status?: string } | undefined;
    if (r === undefined) return { kind: 'result', ok: false };
    if ('status' in r) return { kind: 'result', ok: r.status !== 'error', status: r.status, code: r.code };
    return { kind: 'result', ok: r.ok === true, code: r.code };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { kind: 'redirect' };
    return { kind: 'threw', error: error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error) };
  }
}

/** A typed refusal: no throw, not ok, a code that is not the catch-all of an exception. */
function expectRefused(label: string, outcome: Outcome) {
  expect(outcome.kind, `${label}: ${JSON.stringify(outcome)}`).toBe('result');
  if (outcome.kind !== 'result') return;
  expect(outcome.ok, `${label} must be refused`).toBe(false);
  expect(outcome.code, `${label}: server_error means something threw inside`).not.toBe('server_error');
}

interface ActionCase {
  name: string;
  /** Calls the exported 'use server' function with one raw argument (its hostile input). */
  call: (raw: unknown) => Promise<unknown>;
  /** Well-formed input that names only another account's or nonexistent things. */
  base: Record<string, unknown>;
  /** The action receives FormData from its form: also send every payload as FormData. */
  form?: boolean;
  /** Tables that may legitimately change, and why (see the case). */
  exclude?: string[];
  /** Public actions answer some junk with a neutral success (no disclosure); still typed, never a throw. */
  neutralSuccess?: string;
  /** A success that changes nothing the caller may not change (see the case). */
  harmlessSuccess?: (result: unknown) => boolean;
}

describeOnDatabases('hostile input: server actions (%s)', (t) => {
  let s: HostileScenario;
  const NOBODY = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    s = await importHostileScenario(t.db);
    ctx.db = t.db;
  });
  beforeEach(() => {
    ctx.db = t.db;
    ctx.account = s.mallory;
  });

  const cases = (): ActionCase[] => [
    {
      name: 'renewLoans',
      call: (raw) => renewLoans(raw as never),
      base: { requestKey: crypto.randomUUID(), loanIds: s.victim.openLoanIds },
      // A well-formed request with foreign ids is answered item by item (each refused, nothing
      // renewed); it stores its answer under the request key and writes the audit trail of the
      // probe (renewal_requests, renewal_log). Those two tables are excluded; loans are not.
      exclude: ['renewal_requests', 'renewal_log'],
      harmlessSuccess: (r) => (r as { data?: { renewed?: number } }).data?.renewed === 0,
    },
    {
      // The loans page's form (no JavaScript): foreign loan ids are refused item by item, as above.
      name: 'renewLoansForm',
      call: (raw) => renewLoansForm(null, raw as FormData),
      base: { requestKey: crypto.randomUUID(), cardSlug: s.slugs.le, intent: 'selected', loanId: s.victim.openLoanIds },
      form: true,
      exclude: ['renewal_requests', 'renewal_log'],
      harmlessSuccess: (r) => (r as { data?: { renewed?: number } }).data?.renewed === 0,
    },
    {
      // "Alles verlengen" for another account's card: that card is not found (P3).
      name: 'renewLoansForm (all)',
      call: (raw) => renewLoansForm(null, raw as FormData),
      base: { requestKey: crypto.randomUUID(), cardSlug: s.slugs.le, intent: 'all' },
      form: true,
      exclude: ['renewal_requests', 'renewal_log'],
      harmlessSuccess: (r) => (r as { data?: { renewed?: number } }).data?.renewed === 0,
    },
    { name: 'cancelReservation', call: (raw) => cancelReservation(raw), base: { reservationId: s.victim.reservationIds[0] } },
    {
      name: 'changePickupBranch',
      call: (raw) => changePickupBranch(raw),
      base: { reservationId: s.victim.reservationIds[0], branchId: s.victim.branchIds[0] },
    },
    { name: 'setHistoryRecording', call: (raw) => setHistoryRecording(raw), base: { card: s.slugs.le, enabled: 'false' } },
    { name: 'clearHistory', call: (raw) => clearHistory(raw), base: { card: s.slugs.le } },
    // Their forms (no JavaScript): the same refusals through FormData.
    { name: 'cancelReservationForm', call: (raw) => cancelReservationForm(null, raw as FormData), base: { reservationId: s.victim.reservationIds[0] }, form: true },
    {
      name: 'changePickupBranchForm',
      call: (raw) => changePickupBranchForm(null, raw as FormData),
      base: { reservationId: s.victim.reservationIds[0], branchId: s.victim.branchIds[0] },
      form: true,
    },
    { name: 'setHistoryRecordingForm', call: (raw) => setHistoryRecordingForm(null, raw as FormData), base: { card: s.slugs.le, enabled: 'false' }, form: true },
    { name: 'clearHistoryForm', call: (raw) => clearHistoryForm(null, raw as FormData), base: { card: s.slugs.le }, form: true },
    // Linked libraries: another account's card is not found (P3) before any library is asked.
    { name: 'refreshCard', call: (raw) => refreshCard(raw), base: { card: s.slugs.le } },
    { name: 'refreshCardForm', call: (raw) => refreshCardForm(null, raw as FormData), base: { card: s.slugs.le }, form: true },
    // Notices: another account's notice is not found; nothing is dismissed.
    { name: 'dismissNotice', call: (raw) => dismissNotice(raw), base: { changeId: s.victim.changeIds[0] } },
    { name: 'dismissNoticeForm', call: (raw) => dismissNoticeForm(null, raw as FormData), base: { changeId: s.victim.changeIds[0] }, form: true },
    {
      name: 'linkMembership',
      call: (raw) => linkMembership(null, raw as FormData),
      base: { cardNumber: '2000444444444', pin: '0000' },
      form: true,
      // A wrong PIN counts against the card's and the client's PIN throttle (P2/R14).
      exclude: ['throttle_buckets'],
    },
    { name: 'unlinkMembership', call: (raw) => unlinkMembership(null, raw as FormData), base: { patronId: s.victim.patronIds[0] }, form: true },
    // The unlink form (no JavaScript): redirects only after a real unlink; every hostile post is refused.
    { name: 'unlinkMembershipForm', call: (raw) => unlinkMembershipForm(null, raw as FormData), base: { patronId: s.victim.patronIds[0] }, form: true },
    {
      name: 'changePassword',
      call: (raw) => changePassword(null, raw as FormData),
      base: { currentPassword: 'not-the-password', newPassword: 'another long passphrase' },
      form: true,
      // A wrong current password counts against the account's sign-in throttle.
      exclude: ['throttle_buckets'],
    },
    {
      name: 'changeEmail',
      call: (raw) => changeEmail(null, raw as FormData),
      base: { email: 'new@example.be', currentPassword: 'not-the-password' },
      form: true,
      exclude: ['throttle_buckets'],
    },
    {
      name: 'resendVerification',
      call: (raw) => resendVerification(null, raw as FormData),
      // It takes no input; the caller's address is verified (imported), so whatever is sent the
      // answer is `already_verified` and nothing is sent, counted or written.
      base: { accountId: s.victim.patronIds[0], email: 'someone.else@example.be' },
      form: true,
    },
    {
      name: 'activate (public)',
      call: (raw) => activate(null, raw as FormData),
      base: { cardNumber: '2000444444444', pin: '0000', username: 'mallory.two', email: 'm2@example.be', password: 'a long enough passphrase' },
      form: true,
      // A wrong PIN counts against the PIN throttle.
      exclude: ['throttle_buckets'],
    },
    {
      name: 'signInWithPassword (public)',
      call: (raw) => signInWithPassword(null, raw as FormData),
      // A username with a wrong password, and a return path to another site.
      base: { login: 'victim.one', password: 'not-the-password', next: '//evil.example/' },
      form: true,
      // A wrong password counts against the sign-in throttle.
      exclude: ['throttle_buckets'],
    },
    ...recoveryCases(),
  ];

  /** The recovery actions, for those exported right now. */
  const recoveryCases = (): ActionCase[] => {
    const out: ActionCase[] = [];
    const add = (mod: Record<string, unknown>, name: string, build: (fn: AnyAction) => Omit<ActionCase, 'call'> & { call: (raw: unknown) => Promise<unknown> }) => {
      const fn = exportedFn(mod, name);
      if (fn) out.push(build(fn));
    };
    add(confirmEmailModule, 'requestEmailChange', (fn) => ({
      name: 'requestEmailChange',
      call: (raw) => fn(raw),
      base: { newEmail: 'new@example.be', currentPassword: 'not-the-password' },
      // A wrong current password counts against the account's sign-in throttle.
      exclude: ['throttle_buckets'],
    }));
    add(confirmEmailModule, 'requestEmailChangeForm', (fn) => ({
      name: 'requestEmailChangeForm',
      call: (raw) => fn({ status: 'idle' }, raw),
      base: { newEmail: 'new@example.be', currentPassword: 'not-the-password' },
      form: true,
      exclude: ['throttle_buckets'],
    }));
    add(reminderSettingsModule, 'saveReminderSettings', (fn) => ({
      name: 'saveReminderSettings',
      call: (raw) => fn({ status: 'idle' }, raw),
      // No foreign id to name: the only well-formed input changes the caller's own settings, so
      // the base itself is out of range (8 days); junk around it must not save anything.
      base: { reminderDays: '8', locale: 'xx' },
      form: true,
    }));
    add(calendarFeedModule, 'calendarFeedAction', (fn) => ({
      name: 'calendarFeedAction',
      call: (raw) => fn({ status: 'idle' }, raw),
      // Both well-formed intents act on the caller's own link only; the base is an unknown intent.
      base: { intent: 'delete-all' },
      form: true,
    }));
    add(apiTokensModule, 'apiTokenAction', (fn) => ({
      name: 'apiTokenAction',
      call: (raw) => fn({ status: 'idle' }, raw),
      // A well-formed create makes a token of the caller's own; the base is an unknown intent.
      base: { intent: 'delete-all' },
      form: true,
    }));
    add(forgotPasswordModule, 'forgotPassword', (fn) => ({
      name: 'forgotPassword (public)',
      call: (raw) => fn({ status: 'idle' }, raw),
      base: { login: 'nobody-here' },
      form: true,
      // Public and non-disclosing: a well-formed request for nobody answers "sent" like any other,
      // and counts against the per-client request throttle.
      exclude: ['throttle_buckets'],
      neutralSuccess: 'sent',
    }));
    add(forgotUsernameModule, 'forgotUsername', (fn) => ({
      name: 'forgotUsername (public)',
      call: (raw) => fn({ status: 'idle' }, raw),
      base: { email: 'nobody@example.be' },
      form: true,
      exclude: ['throttle_buckets'],
      neutralSuccess: 'sent',
    }));
    add(resetPasswordModule, 'resetPasswordAction', (fn) => ({
      name: 'resetPasswordAction (public)',
      call: (raw) => fn({ status: 'idle' }, raw),
      base: { token: 'not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaa', password: 'a long enough passphrase', confirm: 'a long enough passphrase' },
      form: true,
    }));
    add(confirmEmailModule, 'confirmEmailAction', (fn) => ({
      name: 'confirmEmailAction (public)',
      call: (raw) => fn({ status: 'idle' }, raw),
      base: { token: 'not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      form: true,
    }));
    return out;
  };

  /**
   * Known open findings, asserted as they are so that the fix turns this red (then delete the entry):
   * a NUL byte in the login of "forgot password" reaches PostgreSQL, which refuses it (22021), and
   * the action answers server_error. Owner: the recovery reads (lib/data/recovery.ts forgotPasswordInput —
   * add `.refine((v) => !v.includes('\u0000'))` as lib/auth/authenticate.ts does).
   */
  // Inputs known to fail with server_error rather than a typed refusal; none are left.
  const KNOWN_OPEN: Record<string, string[]> = {};

  it('covers every exported server action', async () => {
    const modules = import.meta.glob('../../lib/actions/*.ts', { eager: false });
    const exported: string[] = [];
    for (const [file, load] of Object.entries(modules)) {
      if (/\.(test|scenario)\.ts$|-core\.ts$|-setup\.ts$/.test(file)) continue;
      const source = (await import('node:fs')).readFileSync(new URL(file, import.meta.url), 'utf8');
      if (!/^'use server';/m.test(source)) continue;
      const mod = (await load()) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') exported.push(name);
    }
    const covered = new Set([...cases().map((c) => c.name.replace(/ \(public\)$/, '')), 'setLocale', 'signOutEverywhere']);
    expect(exported.filter((name) => !covered.has(name)).sort()).toEqual([]);
  });

  it.each(CASE_NAMES)(
    '%s: every hostile payload is a typed refusal and the database is unchanged',
    async (name) => {
      const c = cases().find((x) => x.name === name)!;
      const payloads: [string, unknown][] = [...genericJunk(), ...fieldJunk(c.base), ['the base (foreign or nonexistent)', c.base]];
      if (c.form) {
        for (const [label, value] of [...fieldJunk(c.base), ['the base', c.base] as [string, unknown]]) {
          const data = asFormData(value);
          if (data) payloads.push([`${label} (FormData)`, data]);
        }
        payloads.push(['repeated keys (FormData)', formData(Object.fromEntries(Object.entries(c.base).map(([k, v]) => [k, [String(v), String(v)]])))]);
      }
      const before = await snapshotDatabase(t.db);
      const problems: string[] = [];
      for (const [label, payload] of payloads) {
        const outcome = await outcomeOf(() => c.call(payload));
        const neutral = c.neutralSuccess && outcome.kind === 'result' && outcome.status === c.neutralSuccess;
        if (neutral) continue;
        if (c.harmlessSuccess && outcome.kind === 'result' && outcome.ok && c.harmlessSuccess(lastResult)) continue;
        if (KNOWN_OPEN[name]?.includes(label)) {
          expect(outcome, `${name} with ${label} is fixed: remove it from KNOWN_OPEN`).toMatchObject({ kind: 'result', code: 'server_error' });
          continue;
        }
        try {
          expectRefused(`${name} with ${label}`, outcome);
        } catch (error) {
          problems.push((error as Error).message.split('\n')[0]!);
        }
      }
      expect(problems).toEqual([]);
      const after = await snapshotDatabase(t.db);
      expect(withoutTables(after, c.exclude ?? [])).toEqual(withoutTables(before, c.exclude ?? []));
    },
  );

  it('signed out: every account action answers unauthenticated and writes nothing', async () => {
    ctx.account = null;
    const before = await snapshotDatabase(t.db);
    for (const c of cases().filter((x) => !x.name.endsWith('(public)'))) {
      for (const [label, payload] of [['the base', c.base], ['a 1 MB string', ONE_MB]] as const) {
        const outcome = await outcomeOf(() => c.call(payload));
        expect(outcome, `${c.name} with ${label}`).toMatchObject({ kind: 'result', ok: false, code: 'unauthenticated' });
      }
    }
    // signOutEverywhere takes no input; signed out it only clears the cookie and goes to sign-in.
    expect(await outcomeOf(() => signOutEverywhere(null, { junk: ONE_MB } as never))).toEqual({ kind: 'redirect' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('setLocale: junk sets no cookie and never throws', async () => {
    ctx.cookiesSet.length = 0;
    for (const [label, payload] of [...genericJunk(), ['locale 1 MB', formData({ locale: ONE_MB })], ['unknown locale', formData({ locale: 'xx' })]]) {
      const outcome = await outcomeOf(() => setLocale(payload as FormData));
      expect(outcome.kind, `setLocale with ${label}: ${JSON.stringify(outcome)}`).toBe('result');
    }
    expect(ctx.cookiesSet).toEqual([]);
  });

  it('parseInput: the 64 KB cap refuses big and unserialisable input before zod sees it', () => {
    const schema = renewLoansInput;
    expect(parseInput(schema, { requestKey: ONE_MB })).toEqual({ ok: false, code: 'invalid_input', fieldErrors: { _: ['too_big'] } });
    expect(parseInput(schema, formData({ requestKey: 'x'.repeat(70_000) }))).toMatchObject({ fieldErrors: { _: ['too_big'] } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseInput(schema, cyclic)).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { _: ['too_big'] } });
    expect(parseInput(schema, { loanIds: Array.from({ length: 20_000 }, (_, i) => i + 1) })).toMatchObject({ fieldErrors: { _: ['too_big'] } });
    expect(parseInput(schema, 10n)).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  describe('the cores, called directly with well-typed hostile values', () => {
    it("another account's loans: refused item by item, no loan renewed", async () => {
      const before = await snapshotDatabase(t.db);
      const r = await renewLoansForAccount(t.db, s.mallory, { requestKey: crypto.randomUUID(), loanIds: s.victim.openLoanIds }, '2026-11-20');
      if (r.ok) {
        expect(r.data.renewed).toBe(0);
        expect(r.data.items.every((i) => i.outcome === 'refused')).toBe(true);
      } else {
        expect(r.code).not.toBe('server_error');
      }
      const all = await renewLoansForAccount(t.db, s.mallory, { requestKey: crypto.randomUUID(), all: true, cardSlug: s.slugs.le }, '2026-11-20');
      expect(all.ok ? all.data.renewed : 0).toBe(0);
      const after = await snapshotDatabase(t.db);
      expect(after.loans).toEqual(before.loans);
      expect(withoutTables(after, ['renewal_requests', 'renewal_log'])).toEqual(withoutTables(before, ['renewal_requests', 'renewal_log']));
    });

    it('renewLoansForAccount parses its own input: junk is invalid_input without a query', async () => {
      for (const [label, payload] of [...genericJunk(), ...fieldJunk({ requestKey: NOBODY, loanIds: [1] })]) {
        t.queries.reset();
        const r = await renewLoansForAccount(t.db, s.mallory, payload, '2026-11-20');
        if (label === 'base with an unknown key') expect(r, label).toMatchObject({ ok: false, code: 'invalid_input' }); // strict object
        if (!r.ok) expect(r.code, label).toBe('invalid_input');
        if (!r.ok) expect(t.queries, label).toEqual([]);
      }
    });

    it("reservations, history, unlink and notices: another account's or nonexistent ids are not_found, nothing changes", async () => {
      const before = await snapshotDatabase(t.db);
      const huge = 2_147_483_647;
      for (const reservationId of [...s.victim.reservationIds, huge, 0, -5]) {
        expect((await cancelReservationForAccount(t.db, s.mallory, { reservationId })).ok).toBe(false);
        expect((await changePickupForAccount(t.db, s.mallory, { reservationId, branchId: s.victim.branchIds[0]! })).ok).toBe(false);
      }
      for (const card of [s.slugs.le, s.slugs.gent, s.slugs.odd, ONE_MB, '../../etc/passwd', "le' or '1'='1", 'a\u0000b', '']) {
        expect(await setHistoryRecordingForAccount(t.db, s.mallory, { card, enabled: false }, '2026-11-20')).toMatchObject({ ok: false, code: 'not_found' });
        expect(await clearHistoryForAccount(t.db, s.mallory, { card })).toMatchObject({ ok: false, code: 'not_found' });
      }
      for (const patronId of [...s.victim.patronIds, huge, 0, -1]) {
        expect(await unlinkPatronForAccount(t.db, s.mallory, { patronId })).toMatchObject({ ok: false });
      }
      for (const changeId of [...s.victim.changeIds, huge, 0, -1]) {
        expect(await dismissNoticeForAccount(t.db, s.mallory, { changeId })).toEqual({ ok: false, code: 'not_found' });
      }
      expect(await snapshotDatabase(t.db)).toEqual(before);
    });
  });
});
