// Signing out ends a session on the server: which sessions still count — the session version and the ended sessions — in one
// statement per request, on both databases.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { importIdentityScenario, accountOf } from '@/test/scenarios/identity';
import { signOutEverywhereForAccount } from '../actions/account-settings-core';
import { endedSessions } from '../../db/schema';
import { describeOnDatabases } from '../../test/db';
import { ABSOLUTE_TIMEOUT_SECONDS } from './session-policy';
import { endSession, newSessionId, sessionStillCounts } from './session-store';

describeOnDatabases('sessions that still count (%s)', { scenario: importIdentityScenario }, (t) => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('a signed-out session no longer counts; another session of the account does; one statement per check', async () => {
    const an = await accountOf(t.db, 'an.peeters');
    const laptop = newSessionId();
    const phone = newSessionId();
    expect(laptop).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(phone).not.toBe(laptop);
    const claims = (sessionId: string) => ({ accountId: an.accountId, sessionVersion: an.sessionVersion, sessionId });

    t.queries.reset();
    expect(await sessionStillCounts(t.db, claims(laptop))).toBe(true);
    expect(t.queries).toHaveLength(1);

    expect(await endSession(t.db, { sub: String(an.accountId), sid: laptop, sv: an.sessionVersion, authTime: nowSeconds() })).toBe(true);
    expect(await sessionStillCounts(t.db, claims(laptop))).toBe(false);
    expect(await sessionStillCounts(t.db, claims(phone))).toBe(true);
    // Ending it twice is harmless.
    expect(await endSession(t.db, { sub: String(an.accountId), sid: laptop, sv: an.sessionVersion, authTime: nowSeconds() })).toBe(true);
    expect(await t.db.select().from(endedSessions).where(eq(endedSessions.sessionId, laptop))).toHaveLength(1);
  });

  it('a changed session version ends every session; a wrong account, version or session id never counts', async () => {
    const eva = await accountOf(t.db, 'eva.other');
    const sid = newSessionId();
    expect(await sessionStillCounts(t.db, { accountId: eva.accountId, sessionVersion: eva.sessionVersion + 1, sessionId: sid })).toBe(false);
    expect(await sessionStillCounts(t.db, { accountId: 999_999, sessionVersion: 1, sessionId: sid })).toBe(false);
    for (const junk of ['', 'short', 'x'.repeat(65), "' or 1=1 --", 'a\u0000bcdefghijklmnopqrstuvwxyz']) {
      t.queries.reset();
      expect(await sessionStillCounts(t.db, { ...eva, sessionId: junk })).toBe(false);
      expect(t.queries).toEqual([]); // refused before the database
    }
    expect(await signOutEverywhereForAccount(t.db, eva)).toEqual({ ok: true, data: null });
    expect(await sessionStillCounts(t.db, { ...eva, sessionId: sid })).toBe(false);
  });

  it('junk tokens end nothing and write nothing; rows past the absolute limit are removed', async () => {
    const an = await accountOf(t.db, 'an.peeters');
    const before = await t.db.select().from(endedSessions);
    for (const junk of [null, undefined, 'x', {}, { sid: newSessionId() }, { sub: 'abc', sid: newSessionId(), authTime: 1 }, { sub: '99999999999', sid: newSessionId(), authTime: 1 }]) {
      expect(await endSession(t.db, junk)).toBe(false);
    }
    // An account that does not exist: nothing to record (and no foreign-key error).
    expect(await endSession(t.db, { sub: '999999', sid: newSessionId(), authTime: nowSeconds() })).toBe(true);
    expect(await t.db.select().from(endedSessions)).toEqual(before);

    const old = newSessionId();
    const longAgo = nowSeconds() - ABSOLUTE_TIMEOUT_SECONDS - 60;
    await endSession(t.db, { sub: String(an.accountId), sid: old, authTime: longAgo }, new Date((longAgo + 10) * 1000));
    expect(await t.db.select().from(endedSessions).where(eq(endedSessions.sessionId, old))).toHaveLength(1);
    // The next sign-out clears rows whose token is past its 30-day limit anyway.
    await endSession(t.db, { sub: String(an.accountId), sid: newSessionId(), authTime: nowSeconds() });
    expect(await t.db.select().from(endedSessions).where(eq(endedSessions.sessionId, old))).toHaveLength(0);
  });
});
