// The SIP2 client against an implementation nobody on this project wrote: Evergreen's SIPServer
// with its in-memory sample ILS (/work/shared/sip2-reference-server, see its README). The steps
// build on each other (a loan, then a hold on it, …), so they run in order on one server.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSip2ReferenceServer,
  type Sip2ReferenceServer,
} from '../../../test/support/sip2-reference-server';
import { Sip2Client } from './client';
import { SipConnectionError, SipLoginError } from './errors';

const PERL = '1565921879';
const ALIBI = '0440242746';
const PIN = '6789';
const DAY = 24 * 60 * 60 * 1000;

describe('Sip2Client against the reference SIP2 server', () => {
  let server: Sip2ReferenceServer;
  let client: Sip2Client;
  const make = (password = 'clientpwd') =>
    new Sip2Client({
      host: server.host, port: server.port, tls: false, charset: 'ascii', institutionId: 'UWOLS',
      login: { user: 'scclient', password, locationCode: 'STACKS' }, timeoutMs: 5_000,
    });

  beforeAll(async () => {
    server = await startSip2ReferenceServer();
    client = make();
  });

  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  // First, before any data: the sample server's child process exits after a failed login, and a
  // new child starts from the sample data again.
  it('a wrong login password → SipLoginError', async () => {
    const wrong = make('not-the-password');
    try {
      await expect(wrong.scStatus()).rejects.toThrow(SipLoginError);
    } finally {
      await wrong.close();
    }
  });

  it('logs in and reads the ACS status', async () => {
    const status = await client.scStatus();
    expect(status).toMatchObject({ online: true, protocolVersion: '2.00', institutionId: 'UWOLS', timeoutPeriod: 600, retriesAllowed: 3 });
    expect(status.supportedMessages).toMatchObject({ login: true, patronInformation: true, itemInformation: true, hold: true, renew: true, renewAll: true, feePaid: false });
    expect(Math.abs(status.dateTimeSync!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  let firstDue: Date;

  it('checks two items out to djfiander (14-day loan)', async () => {
    const loan = await client.checkout('djfiander', PERL, { patronPassword: PIN });
    expect(loan).toMatchObject({ ok: true, patronId: 'djfiander', itemId: PERL, titleId: 'Perl 5 desktop reference', institutionId: 'UWOLS' });
    expect(loan.dueAt).toBeInstanceOf(Date);
    expect(Math.abs(loan.dueAt!.getTime() - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
    firstDue = loan.dueAt!;
    await expect(client.checkout('djfiander', ALIBI, { patronPassword: PIN })).resolves.toMatchObject({ ok: true });
  });

  it('a checkout of an item on loan to someone else is refused with the server message', async () => {
    const refused = await client.checkout('miker', PERL, { patronPassword: PIN });
    expect(refused).toMatchObject({ ok: false, screenMessages: ['Item checked out to another patron'], validPatron: true });
  });

  it('patron information lists the charged items', async () => {
    const info = await client.patronInformation('djfiander', { patronPassword: PIN, summary: 'charged' });
    expect(info).toMatchObject({ patronId: 'djfiander', personalName: 'David J. Fiander', validPatron: true, validPatronPassword: true });
    expect(info.counts.charged).toBe(2);
    expect(info.chargedItems.sort()).toEqual([ALIBI, PERL].sort());
    expect(info.counts.fine).toBe(1);
  });

  it('patron information with the fine summary lists the fine items', async () => {
    const info = await client.patronInformation('djfiander', { patronPassword: PIN, summary: 'fine' });
    expect(info.fineItems).toEqual(['Computer Time']);
    expect(info.chargedItems).toEqual([]);
  });

  it('item information gives the due date', async () => {
    const item = await client.itemInformation(PERL);
    expect(item).toMatchObject({ circulationStatus: '04', circulationStatusName: 'charged', itemId: PERL, owner: 'UWOLS' });
    expect(item.dueAt).toEqual(firstDue);
  });

  it('renew gives a new due date', async () => {
    await new Promise((r) => setTimeout(r, 1_100)); // the server's dates have whole seconds
    const renewed = await client.renew('djfiander', PERL, { patronPassword: PIN });
    expect(renewed).toMatchObject({ ok: true, renewalOk: true, itemId: PERL });
    expect(renewed.dueAt!.getTime()).toBeGreaterThan(firstDue.getTime());
  });

  it('miker places a hold (15 +) on the item', async () => {
    const hold = await client.hold('+', 'miker', { patronPassword: PIN, itemId: PERL, pickupLocation: 'CENTRAL' });
    expect(hold).toMatchObject({ ok: true, available: false, patronId: 'miker', itemId: PERL, queuePosition: 1, pickupLocation: 'CENTRAL' });
    const item = await client.itemInformation(PERL);
    expect(item.holdQueueLength).toBe(1);
  });

  it("then djfiander's renew is refused with the server's own message", async () => {
    const refused = await client.renew('djfiander', PERL, { patronPassword: PIN });
    expect(refused).toMatchObject({ ok: false, renewalOk: false, dueDate: null, screenMessages: ['Item has outstanding holds'] });
  });

  it('renew all renews what has no hold and leaves the held item', async () => {
    const all = await client.renewAll('djfiander', { patronPassword: PIN });
    expect(all).toMatchObject({ ok: true, renewedCount: 1, unrenewedCount: 1, renewedItems: [ALIBI], unrenewedItems: [PERL] });
  });

  it('changes the pickup location of the hold (15 *)', async () => {
    const changed = await client.hold('*', 'miker', { patronPassword: PIN, itemId: PERL, pickupLocation: 'WEST' });
    expect(changed).toMatchObject({ ok: true, screenMessages: ['Hold updated.'] });
  });

  it('a change of a hold that does not exist is refused', async () => {
    const refused = await client.hold('*', 'miker', { patronPassword: PIN, itemId: ALIBI, pickupLocation: 'WEST' });
    expect(refused).toMatchObject({ ok: false, screenMessages: ['No such outstanding hold.'] });
  });

  it('cancels the hold (15 -); the renew then works again', async () => {
    const cancelled = await client.hold('-', 'miker', { patronPassword: PIN, itemId: PERL });
    expect(cancelled).toMatchObject({ ok: true, screenMessages: ['Hold Cancelled.'] });
    await expect(client.renew('djfiander', PERL, { patronPassword: PIN })).resolves.toMatchObject({ ok: true, renewalOk: true });
    // Quirk of the sample ILS: Transaction::RenewAll shares its renewed/unrenewed arrays between
    // all transactions of the process, so each renew all also reports the earlier ones' items.
    const all = await client.renewAll('djfiander', { patronPassword: PIN });
    expect([...all.renewedItems].sort()).toEqual([ALIBI, ALIBI, PERL].sort());
    expect(all.unrenewedItems).toEqual([PERL]);
    expect(all).toMatchObject({ ok: true, renewedCount: 3, unrenewedCount: 1 });
  });

  it('checks the PIN: a wrong one gives CQ N, 6789 gives CQ Y', async () => {
    await expect(client.patronInformation('djfiander', { patronPassword: '0000' })).resolves.toMatchObject({ validPatron: true, validPatronPassword: false });
    await expect(client.patronInformation('djfiander', { patronPassword: PIN })).resolves.toMatchObject({ validPatron: true, validPatronPassword: true });
    await expect(client.patronStatus('miker', { patronPassword: 'nope' })).resolves.toMatchObject({ validPatron: true, validPatronPassword: false });
    await expect(client.patronStatus('miker', { patronPassword: PIN })).resolves.toMatchObject({ validPatron: true, validPatronPassword: true, personalName: 'Mike Rylander' });
  });

  it('an unknown patron is not valid', async () => {
    await expect(client.patronStatus('nobody', { patronPassword: PIN })).resolves.toMatchObject({ validPatron: false, patronId: 'nobody' });
    await expect(client.patronInformation('nobody')).resolves.toMatchObject({ validPatron: false, counts: { charged: 0 } });
  });

  it('ends the patron session', async () => {
    await expect(client.endPatronSession('djfiander', { patronPassword: PIN })).resolves.toMatchObject({
      endSession: true, patronId: 'djfiander', screenMessages: ['Thank you for using Evergreen!'],
    });
  });

  it('server down → SipConnectionError quickly; server up again → the pool reconnects', async () => {
    await server.stop();
    const started = Date.now();
    await expect(client.scStatus()).rejects.toThrow(SipConnectionError);
    await expect(client.patronStatus('djfiander', { patronPassword: PIN })).rejects.toMatchObject({ errno: 'ECONNREFUSED' });
    expect(Date.now() - started).toBeLessThan(2_000);

    await server.restart();
    await expect(client.scStatus()).resolves.toMatchObject({ online: true });
    // A restart starts from the sample data: nothing on loan any more.
    const info = await client.patronInformation('djfiander', { patronPassword: PIN, summary: 'charged' });
    expect(info.chargedItems).toEqual([]);
  });

  // The server serves one connection at a time, so the ASCII client lets go of its connection first.
  it('a UTF-8 endpoint (LPL): checksums over the UTF-8 bytes are accepted and verified both ways', async () => {
    await client.close();
    const utf8 = new Sip2Client({
      host: server.host, port: server.port, tls: false, charset: 'utf-8', institutionId: 'LPL',
      login: { user: 'lpl-sc', password: '1234' }, timeoutMs: 5_000,
    });
    try {
      const item = await utf8.itemInformation('660');
      // The sample data's "á" is a Latin-1 byte that Perl's decode_utf8 turns into U+FFFD.
      expect(item.titleId).toBe('Harry Potter y el c\uFFFDliz de fuego');
      const unknown = await utf8.patronStatus('josé', { patronPassword: '1' });
      // Quirk: the server echoes request values encoded to UTF-8 twice, after NFD ("josé" → "josÃ©"
      // with the Ã decomposed). What arrived is still exactly what it sent: the checksum held.
      const doubled = Buffer.from('josé', 'utf8').toString('latin1').normalize('NFD');
      expect(unknown).toMatchObject({ validPatron: false, patronId: doubled });
    } finally {
      await utf8.close();
      client = make();
    }
  });

  // A proxy that damages one checksum in each direction, so the server's own resend handling is
  // exercised: our damaged 17 gets a 96 and is sent again; its damaged 24 makes us send 97.
  it('resend both ways with the real server: 96 for a damaged request, 97 for a damaged answer', async () => {
    await client.close();
    const damage = (line: string) => line.replace(/AZ([0-9A-F]{4})$/, (_m, sum: string) => `AZ${sum === '0000' ? '0001' : '0000'}`);
    const seen: string[] = [];
    let requestDamaged = false;
    let answerDamaged = false;
    const lines = (onLine: (line: string) => string, write: (text: string) => void) => {
      let buffer = '';
      return (chunk: Buffer) => {
        buffer += chunk.toString('latin1');
        let i: number;
        while ((i = buffer.indexOf('\r')) >= 0) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 1);
          write(`${onLine(line)}\r`);
        }
      };
    };
    const proxy = net.createServer((down) => {
      const up = net.connect(server.port, server.host);
      down.on('data', lines((line) => {
        seen.push(`> ${line.slice(0, 2)}${line === '97AZFEF5' ? ' 97AZFEF5' : ''}`);
        if (line.startsWith('17') && !requestDamaged) {
          requestDamaged = true;
          return damage(line);
        }
        return line;
      }, (text) => up.write(text, 'latin1')));
      up.on('data', lines((line) => {
        seen.push(`< ${line.slice(0, 2)}`);
        if (line.startsWith('24') && !answerDamaged) {
          answerDamaged = true;
          return damage(line);
        }
        return line;
      }, (text) => down.write(text, 'latin1')));
      down.on('close', () => up.destroy());
      up.on('close', () => down.destroy());
      down.on('error', () => {});
      up.on('error', () => {});
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const viaProxy = new Sip2Client({
      host: '127.0.0.1', port: (proxy.address() as net.AddressInfo).port, tls: false, charset: 'ascii', institutionId: 'UWOLS',
      login: { user: 'scclient', password: 'clientpwd' }, timeoutMs: 5_000,
    });
    try {
      await expect(viaProxy.itemInformation(PERL)).resolves.toMatchObject({ itemId: PERL });
      await expect(viaProxy.patronStatus('miker', { patronPassword: PIN })).resolves.toMatchObject({ patronId: 'miker', validPatronPassword: true });
      expect(seen).toEqual(['> 93', '< 94', '> 17', '< 96', '> 17', '< 18', '> 23', '< 24', '> 97 97AZFEF5', '< 24']);
    } finally {
      await viaProxy.close();
      await new Promise<void>((r) => proxy.close(() => r()));
      client = make();
    }
  });
});
