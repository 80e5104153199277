// lib/log.ts: the redaction list and the `safe` helpers keep secrets out of every line.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CENSOR, createLogger, requestIdFrom, safe } from './log';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { log: createLogger({ level: 'info', destination }), lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const SECRETS = ['bibliotheek-demo', '1234', '2000021000017', 'an.peeters@example.be', 'Max Havelaar', 'eyJhbGciOi.secret', 'sess=abc123'];

describe('lib/log', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { log, parsed } = capture();
    log.info({ requestId: 'r-12345678', outcome: 'ok' }, 'server action');
    const [line] = parsed();
    expect(line).toMatchObject({ level: 'info', msg: 'server action', requestId: 'r-12345678', outcome: 'ok', app: 'mijn-bibliotheek' });
    expect(typeof line!.time).toBe('string');
  });

  it('redacts every listed key at the top level and nested up to three levels', () => {
    const { log, lines } = capture();
    const secrets = {
      password: 'bibliotheek-demo',
      pin: '1234',
      cardNumber: '2000021000017',
      email: 'an.peeters@example.be',
      title: 'Max Havelaar',
      token: 'eyJhbGciOi.secret',
      currentPassword: 'bibliotheek-demo',
      login: 'an.peeters@example.be',
    };
    log.info({ ...secrets, input: secrets, req: { headers: { cookie: 'sess=abc123', authorization: 'Bearer eyJhbGciOi.secret' }, body: secrets } }, 'x');
    const text = lines.join('\n');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain(CENSOR);
  });

  it('safe.card and safe.text mask card numbers and e-mail addresses', () => {
    expect(safe.card('2000021000017')).toBe('•••• 0017');
    const text = safe.text('card 2000 0210 00017 of an.peeters@example.be, eID 85.07.30-033.28, A123456789');
    expect(text).not.toMatch(/2000021000017|2000 0210 00017|an\.peeters@example\.be|85\.07\.30-033\.28|A123456789/);
    expect(text).toContain('[email]');
    expect(safe.text('x'.repeat(1_000_000)).length).toBe(200);
  });

  it('safe.path keeps the path and only the names of query parameters', () => {
    const url = new URL('https://x.test/reset-password?token=secret-token-value&q=Max+Havelaar&login=a%40b.be');
    expect(safe.path(url.pathname, url.searchParams)).toEqual({ path: '/reset-password', query: ['token', 'q', 'login'] });
    expect(safe.path('/cards/2000021000017/loans').path).not.toContain('2000021000017');
  });

  it('safe.path masks the calendar feed secret, which is part of its path', () => {
    const secret = 'Yx3_kP9-QwErTyUiOpAsDfGhJkLzXcVbNm0123456789';
    expect(safe.path(`/api/calendar/${secret}`)).toEqual({ path: '/api/calendar/[token]' });
    expect(safe.path(`/api/calendar/${secret}/x`).path).toBe('/api/calendar/[token]/x');
    expect(safe.path('/api/cards/gent/history').path).toBe('/api/cards/gent/history');
  });

  it('safe.error gives a name and a code, never the message', () => {
    const error = Object.assign(new Error('duplicate key (email)=(an.peeters@example.be)'), { code: '23505' });
    expect(safe.error(error)).toEqual({ errName: 'Error', errCode: '23505' });
    expect(safe.error('boom')).toEqual({ errName: 'string' });
  });

  it('requestIdFrom keeps a sane incoming id and replaces anything else', () => {
    expect(requestIdFrom('abc-123-def-456')).toBe('abc-123-def-456');
    for (const bad of [null, '', 'short', 'x'.repeat(200), 'has space in it', 'evil\nlog-line', '<script>alert(1)</script>']) {
      const id = requestIdFrom(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
