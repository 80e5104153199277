// The harness itself: it must leave no process behind, and say why when the server does not come up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSip2ReferenceServer } from './sip2-reference-server';

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startSip2ReferenceServer', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sip2-harness-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stop() ends the whole process group; restart() comes back on the same port', async () => {
    const server = await startSip2ReferenceServer();
    const first = server.pgid()!;
    expect(groupAlive(first)).toBe(true);
    await server.restart();
    expect(groupAlive(first)).toBe(false);
    const second = server.pgid()!;
    expect(groupAlive(second)).toBe(true);
    await server.stop();
    expect(groupAlive(second)).toBe(false);
    expect(server.pgid()).toBeNull();
  });

  it('a server that dies at start fails with its stderr tail', async () => {
    const script = path.join(dir, 'broken.sh');
    writeFileSync(script, 'echo "cannot load Net::Server::PreFork" >&2\nexit 3\n');
    await expect(startSip2ReferenceServer({ script })).rejects.toThrow(/exited before accepting a login[\s\S]*cannot load Net::Server::PreFork/);
  });

  it('a server that never accepts a login fails after the timeout, and is killed', async () => {
    const script = path.join(dir, 'silent.sh');
    writeFileSync(script, 'echo "listening somewhere else" >&2\nexec sleep 600\n');
    await expect(startSip2ReferenceServer({ script, readyTimeoutMs: 1_000 })).rejects.toThrow(/did not accept a login within 1000 ms[\s\S]*listening somewhere else/);
  });
});
