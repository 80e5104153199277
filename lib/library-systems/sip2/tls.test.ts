// The TLS path (many ACSs are only reachable through stunnel or a TLS listener): a self-signed
// certificate made with openssl for this run, trusted through deps.tlsOptions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAcs, T, type FakeAcs } from '../../../test/support/fake-sip-acs';
import { Sip2Client } from './client';
import { SipConnectionError } from './errors';

// openssl is on every Debian machine (a dependency of ca-certificates); without it this fails loudly.
describe('Sip2Client over TLS', () => {
  let dir: string;
  let key: Buffer;
  let cert: Buffer;
  let fake: FakeAcs;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sip2-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    key = readFileSync(path.join(dir, 'key.pem'));
    cert = readFileSync(path.join(dir, 'cert.pem'));
    fake = await startFakeAcs(
      (m, ctx) => {
        if (m.body.startsWith('99')) ctx.reply(`98YNNYNN600003${T}2.00AOX|`);
      },
      { tls: { key, cert } },
    );
  });

  afterAll(async () => {
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const options = () => ({ host: '127.0.0.1', port: fake.port, tls: true, charset: 'ascii' as const, institutionId: 'X', login: { user: 'u', password: 'p' }, timeoutMs: 3_000 });

  it('logs in and talks SIP2 through TLS when the certificate is trusted', async () => {
    const client = new Sip2Client(options(), { tlsOptions: { ca: cert } });
    try {
      await expect(client.scStatus()).resolves.toMatchObject({ online: true });
    } finally {
      await client.close();
    }
  });

  it('refuses an untrusted certificate with SipConnectionError', async () => {
    const client = new Sip2Client(options());
    try {
      await expect(client.scStatus()).rejects.toThrow(SipConnectionError);
    } finally {
      await client.close();
    }
  });
});
