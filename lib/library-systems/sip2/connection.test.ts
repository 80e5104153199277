// Edge cases against a scripted fake ACS (test/support/fake-sip-acs.ts): what the reference server
// cannot be made to do on demand.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { frameAnswer, startFakeAcs, T, type FakeAcs, type FakeAcsHandler } from '../../../test/support/fake-sip-acs';
import { Sip2Client, type Sip2ClientOptions } from './client';
import { SipArgumentError, SipConnectionError, SipLoginError, SipPoolError, SipProtocolError, SipTimeoutError } from './errors';

const ACS_STATUS = `98YNNYNN600003${T}2.00AOUWOLS|BXYYYYYYYYYNYNYYYY|`;
const PATRON_STATUS = `24              000${T}AOUWOLS|AAp1|AEP One|BLY|`;

let fakes: FakeAcs[] = [];
let clients: Sip2Client[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(fakes.map((f) => f.close()));
  clients = [];
  fakes = [];
});

async function setup(handler: FakeAcsHandler, options: Partial<Sip2ClientOptions> = {}) {
  const fake = await startFakeAcs(handler);
  fakes.push(fake);
  const client = new Sip2Client({
    host: '127.0.0.1', port: fake.port, tls: false, charset: 'ascii', institutionId: 'UWOLS',
    login: { user: 'u', password: 'secret-pw' }, timeoutMs: 1_000, ...options,
  });
  clients.push(client);
  return { fake, client };
}

const bodies = (fake: FakeAcs) => fake.received.map((m) => m.body.slice(0, 2));

describe('Sip2Client against a scripted ACS', () => {
  it('logs in first, numbers messages 0–9 and checksums every one', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) ctx.reply(ACS_STATUS);
    });
    for (let i = 0; i < 11; i++) await client.scStatus();
    expect(bodies(fake)[0]).toBe('93');
    expect(fake.received.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(fake.received.every((m) => m.checksumOk)).toBe(true);
    expect(fake.connections).toBe(1);
  });

  it('resends the same message once when the ACS answers 96', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) {
        if (ctx.count('99') === 1) ctx.write('96AZFEF6\r');
        else ctx.reply(ACS_STATUS);
      }
    });
    await expect(client.scStatus()).resolves.toMatchObject({ online: true });
    const sent = fake.received.filter((m) => m.body.startsWith('99'));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.raw).toBe(sent[0]!.raw);
  });

  it('a second 96 for the same message is a protocol error', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) ctx.write('96AZFEF6\r');
    });
    await expect(client.scStatus()).rejects.toThrow(SipProtocolError);
  });

  it('asks for a resend (97AZFEF5) after a bad checksum, and takes the good copy, whatever its AY', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('23')) ctx.reply(PATRON_STATUS, { corrupt: true });
      // As the reference server does: the 97 has no AY, so the retransmission gets AY0.
      else if (m.body === '97') ctx.reply(PATRON_STATUS, { seq: 0 });
    });
    await expect(client.patronStatus('p1')).resolves.toMatchObject({ patronId: 'p1', personalName: 'P One' });
    expect(fake.received.find((m) => m.body === '97')!.raw).toBe('97AZFEF5');
  });

  it('the retransmission after a 97 must still be the right message', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('23')) ctx.reply(PATRON_STATUS, { corrupt: true });
      else if (m.body === '97') ctx.reply(ACS_STATUS, { seq: 0 });
    });
    await expect(client.patronStatus('p1')).rejects.toThrow(/expected message 24, received "98"/);
  });

  it('a bad checksum also after the resend is a protocol error', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('23') || m.body === '97') ctx.reply(PATRON_STATUS, { corrupt: true });
    });
    await expect(client.patronStatus('p1')).rejects.toThrow(/checksum/);
  });

  it('garbage (no checksum at all), twice → protocol error; the next call reconnects', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) {
        if (ctx.count('99') === 1) ctx.write('HELLO WORLD\r');
        else ctx.reply(ACS_STATUS);
      } else if (m.body === '97') ctx.write('\u0000\u0001garbage\r');
    });
    await expect(client.scStatus()).rejects.toThrow(SipProtocolError);
    await expect(client.scStatus()).resolves.toMatchObject({ online: true });
    expect(fake.connections).toBe(2);
  });

  it('a sequence number that is not ours → protocol error', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) ctx.reply(ACS_STATUS, { seq: ((m.seq ?? 0) + 3) % 10 });
    });
    await expect(client.scStatus()).rejects.toThrow(/sequence number/);
  });

  it('an answer without a sequence number → protocol error', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) ctx.reply(ACS_STATUS, { seq: null });
    });
    await expect(client.scStatus()).rejects.toThrow(/sequence number missing/);
  });

  it('the answer of another message → protocol error naming both ids', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('17')) ctx.reply(PATRON_STATUS);
    });
    await expect(client.itemInformation('i1')).rejects.toThrow(/expected message 18, received "24"/);
  });

  it('a fixed part that is too short → protocol error', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('17')) ctx.reply('180301');
    });
    await expect(client.itemInformation('i1')).rejects.toThrow(/too short/);
  });

  it('accepts CRLF and an answer that arrives one byte at a time', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) {
        const frame = `${frameAnswer(ACS_STATUS, m.seq)}\r\n`;
        let i = 0;
        const tick = () => {
          if (i < frame.length) {
            ctx.write(frame[i++]!);
            setImmediate(tick);
          }
        };
        tick();
      }
    });
    await expect(client.scStatus()).resolves.toMatchObject({ online: true });
    await expect(client.scStatus()).resolves.toMatchObject({ online: true });
  });

  it('silence → SipTimeoutError after timeoutMs; the connection is dropped, not reused', async () => {
    const { fake, client } = await setup(
      (m, ctx) => {
        if (m.body.startsWith('99')) {
          if (ctx.count('99') > 1) ctx.reply(ACS_STATUS);
          return true;
        }
      },
      { timeoutMs: 300 },
    );
    const started = Date.now();
    const error = await client.scStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SipTimeoutError);
    expect((error as SipTimeoutError).phase).toBe('request');
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(client.scStatus()).resolves.toMatchObject({ online: true });
    expect(fake.connections).toBe(2);
    expect(bodies(fake).filter((b) => b === '93')).toHaveLength(2);
  });

  it('no login answer → SipTimeoutError (login)', async () => {
    const { client } = await setup((m) => m.body.startsWith('93'), { timeoutMs: 300 });
    await expect(client.scStatus()).rejects.toMatchObject({ name: 'SipTimeoutError', phase: 'login' });
  });

  it('login refused (940) → SipLoginError, without the password in the message', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('93')) {
        ctx.reply('940');
        return true;
      }
    });
    const error = await client.scStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SipLoginError);
    expect(String((error as Error).message)).not.toContain('secret-pw');
  });

  it('the connection dropped in the middle of a checkout → SipConnectionError, not retried', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) ctx.reply(ACS_STATUS);
      if (m.body.startsWith('11')) ctx.socket.destroy();
    });
    await client.scStatus();
    await expect(client.checkout('p1', 'i1')).rejects.toThrow(SipConnectionError);
    expect(bodies(fake).filter((b) => b === '11')).toHaveLength(1);
  });

  it('a read on a connection the ACS closed while idle is retried once on a fresh one', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) ctx.reply(ACS_STATUS);
      if (m.body.startsWith('23')) {
        if (ctx.count('23') === 1) ctx.socket.destroy();
        else ctx.reply(PATRON_STATUS);
      }
    });
    await client.scStatus();
    await expect(client.patronStatus('p1')).resolves.toMatchObject({ patronId: 'p1' });
    expect(fake.connections).toBe(2);
  });

  it('the ACS closes an idle connection: the next call reconnects and logs in again', async () => {
    let closed!: Promise<void>;
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) {
        ctx.reply(ACS_STATUS);
        if (ctx.count('99') === 1) {
          // The fake's side closes fully only after the client closed its side too.
          closed = new Promise((resolve) => ctx.socket.once('close', () => resolve()));
          setTimeout(() => ctx.socket.end(), 10);
        }
      }
    });
    await client.scStatus();
    await closed;
    await client.scStatus();
    expect(fake.connections).toBe(2);
    expect(bodies(fake)).toEqual(['93', '99', '93', '99']);
  });

  it('an idle connection is closed after idleTimeoutMs, freeing a one-session ACS; the next call logs in again', async () => {
    let closed!: Promise<void>;
    const { fake, client } = await setup(
      (m, ctx) => {
        if (m.body.startsWith('93')) closed = new Promise((resolve) => ctx.socket.once('close', () => resolve()));
        if (m.body.startsWith('99')) ctx.reply(ACS_STATUS);
      },
      { idleTimeoutMs: 150 },
    );
    await client.scStatus();
    expect(client.stats().size).toBe(1);
    await closed;
    expect(client.stats()).toEqual({ size: 0, idle: 0, waiting: 0 });
    await client.scStatus();
    expect(fake.connections).toBe(2);
    expect(bodies(fake)).toEqual(['93', '99', '93', '99']);
  });

  it('connection refused → SipConnectionError (ECONNREFUSED) at once', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = new Sip2Client({ host: '127.0.0.1', port, tls: false, charset: 'ascii', institutionId: 'X', login: { user: 'u', password: 'p' } });
    clients.push(client);
    const started = Date.now();
    await expect(client.scStatus()).rejects.toMatchObject({ name: 'SipConnectionError', errno: 'ECONNREFUSED' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('pool', () => {
  it('one connection by default: concurrent calls take turns, never overlap on the wire', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          ctx.reply(ACS_STATUS);
        }, 20);
      }
    });
    await Promise.all(Array.from({ length: 5 }, () => client.scStatus()));
    expect(maxInFlight).toBe(1);
    expect(fake.connections).toBe(1);
  });

  it('maxConnections 2 opens a second connection under load', async () => {
    const { fake, client } = await setup(
      (m, ctx) => {
        if (m.body.startsWith('99')) setTimeout(() => ctx.reply(ACS_STATUS), 50);
      },
      { maxConnections: 2 },
    );
    await Promise.all(Array.from({ length: 4 }, () => client.scStatus()));
    expect(fake.connections).toBe(2);
  });

  it('a full wait queue refuses at once; waiters are served in turn', async () => {
    const { client } = await setup(
      (m, ctx) => {
        if (m.body.startsWith('99')) setTimeout(() => ctx.reply(ACS_STATUS), 500);
      },
      { timeoutMs: 800, maxQueue: 1 },
    );
    const a = client.scStatus();
    await new Promise((r) => setTimeout(r, 50)); // a holds the connection
    const b = client.scStatus(); // waits
    const c = client.scStatus(); // queue full
    await expect(c).rejects.toThrow(SipPoolError);
    await expect(a).resolves.toMatchObject({ online: true });
    // b got the connection at ~550 ms and answers at ~1050 ms, within its own request timeout.
    await expect(b).resolves.toMatchObject({ online: true });
    const d = client.scStatus();
    const e = client.scStatus().catch((err: unknown) => err);
    await expect(d).resolves.toBeTruthy();
    // e waited since d started: 500 ms for d < 800 ms, so it is served too; only a longer wait times out.
    expect(await e).toMatchObject({ online: true });
  });

  it('waiting longer than timeoutMs for the connection → SipTimeoutError (queue)', async () => {
    const { client } = await setup(
      (m, ctx) => {
        if (m.body.startsWith('99')) setTimeout(() => ctx.reply(ACS_STATUS), 700);
      },
      { timeoutMs: 900 },
    );
    const a = client.scStatus();
    await new Promise((r) => setTimeout(r, 50));
    const b = client.scStatus(); // gets it at ~750 ms, answers at ~1450 ms: fine
    const c = client.scStatus().catch((err: unknown) => err); // would get it at ~1450 ms > 900 ms
    await a;
    await b;
    expect(await c).toMatchObject({ name: 'SipTimeoutError', phase: 'queue' });
  });

  it('close() ends the connections; later calls fail with SipPoolError', async () => {
    const { client } = await setup((m, ctx) => {
      if (m.body.startsWith('99')) ctx.reply(ACS_STATUS);
    });
    await client.scStatus();
    await client.close();
    await expect(client.scStatus()).rejects.toThrow(SipPoolError);
  });
});

describe('patron information paging', () => {
  const ITEMS = ['i1', 'i2', 'i3', 'i4', 'i5'];
  const answer = (items: string[]) =>
    `64              000${T}0000000000050000000000000000AOX|AAp1|AEP|${items.map((i) => `AU${i}|`).join('')}BLY|`;
  const range = (body: string) => {
    const bp = /\|BP(\d+)\|/.exec(body);
    const bq = /\|BQ(\d+)\|/.exec(body);
    return { start: bp ? Number(bp[1]) : 1, end: bq ? Number(bq[1]) : ITEMS.length };
  };

  it('reads the whole list with BP/BQ when the ACS sends it in pages', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('63')) {
        const { start, end } = range(m.body);
        ctx.reply(answer(ITEMS.slice(start - 1, Math.min(end, start + 1)))); // two per page
      }
    });
    const info = await client.patronInformation('p1', { summary: 'charged' });
    expect(info.chargedItems).toEqual(ITEMS);
    expect(info.counts.charged).toBe(5);
    const asked = fake.received.filter((m) => m.body.startsWith('63')).map((m) => range(m.body));
    expect(asked).toEqual([{ start: 1, end: 5 }, { start: 3, end: 5 }, { start: 5, end: 5 }]);
  });

  it('stops when the ACS ignores BP/BQ and sends the first page again', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('63')) ctx.reply(answer(ITEMS.slice(0, 2)));
    });
    const info = await client.patronInformation('p1', { summary: 'charged' });
    expect(info.chargedItems).toEqual(['i1', 'i2']);
    expect(fake.received.filter((m) => m.body.startsWith('63'))).toHaveLength(2);
  });

  it('with start/end given, asks once for exactly that range', async () => {
    const { fake, client } = await setup((m, ctx) => {
      if (m.body.startsWith('63')) ctx.reply(answer(ITEMS.slice(1, 3)));
    });
    const info = await client.patronInformation('p1', { summary: 'charged', start: 2, end: 3 });
    expect(info.chargedItems).toEqual(['i2', 'i3']);
    expect(fake.received.filter((m) => m.body.startsWith('63')).map((m) => range(m.body))).toEqual([{ start: 2, end: 3 }]);
  });
});

describe('logging', () => {
  it('lines name the endpoint and the error, never a patron id or a password', async () => {
    const lines: string[] = [];
    const capture = { debug: (f: object, m: string) => lines.push(JSON.stringify(f) + m), warn: (f: object, m: string) => lines.push(JSON.stringify(f) + m) };
    const fake = await startFakeAcs((m, ctx) => {
      if (m.body.startsWith('93') && ctx.count('93') === 1) {
        ctx.reply('940');
        return true;
      }
      if (m.body.startsWith('23')) ctx.socket.destroy();
    });
    fakes.push(fake);
    const client = new Sip2Client(
      { host: '127.0.0.1', port: fake.port, tls: false, charset: 'ascii', institutionId: 'X', login: { user: 'u', password: 'secret-pw' } },
      { logger: capture },
    );
    clients.push(client);
    await expect(client.patronStatus('patron-4711', { patronPassword: '9876' })).rejects.toThrow(SipLoginError);
    await expect(client.patronStatus('patron-4711', { patronPassword: '9876' })).rejects.toThrow(SipConnectionError);
    expect(lines.some((l) => l.includes('sip2 connection failed') && l.includes('SipLoginError'))).toBe(true);
    expect(lines.some((l) => l.includes('sip2 connection opened'))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/secret-pw|patron-4711|9876/);
  });
});

describe('options', () => {
  it('are validated; the error names the field, never the password', () => {
    expect(() => new Sip2Client({ host: '', port: 0, tls: false, charset: 'ascii', institutionId: 'X', login: { user: 'u', password: 'p|w' } })).toThrow(SipArgumentError);
    try {
      new Sip2Client({ host: 'h', port: 1, tls: false, charset: 'ebcdic' as 'ascii', institutionId: 'X', login: { user: 'u', password: 'hunter2|' } });
    } catch (error) {
      expect(String((error as Error).message)).toMatch(/charset/);
      expect(String((error as Error).message)).not.toContain('hunter2');
    }
  });

  it('defaults: timeoutMs 10000, maxConnections 1', () => {
    const client = new Sip2Client({ host: 'h', port: 1, tls: false, charset: 'utf-8', institutionId: 'X', login: { user: 'u', password: 'p' } });
    expect(client.options).toMatchObject({ timeoutMs: 10_000, maxConnections: 1, login: { user: 'u' } });
    expect(JSON.stringify(client.options)).not.toMatch(/"password"|terminalPassword/);
  });

  it('the transaction date comes from the injected clock (local time); AC carries the terminal password', async () => {
    const fake = await startFakeAcs((m, ctx) => {
      if (m.body.startsWith('17')) ctx.reply(`1803020${'1'}${T}AB1|AJt|`);
    });
    fakes.push(fake);
    const client = new Sip2Client(
      { host: '127.0.0.1', port: fake.port, tls: false, charset: 'ascii', institutionId: 'X', login: { user: 'u', password: 'p' }, terminalPassword: 'tpw' },
      { clock: () => new Date(2026, 10, 29, 12, 0, 0) },
    );
    clients.push(client);
    await client.itemInformation('1');
    expect(fake.received.find((m) => m.body.startsWith('17'))!.body).toBe(`17${T}AOX|AB1|ACtpw|`);
  });
});
