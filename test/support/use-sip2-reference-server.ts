// One reference SIP2 server per vitest file, started before its tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { startSip2ReferenceServer, type Sip2ReferenceServer } from './sip2-reference-server';

/** Starts a reference server before the file's tests and stops it after them; call at top level. */
export function useSip2ReferenceServer(): () => Sip2ReferenceServer {
  let server: Sip2ReferenceServer | undefined;
  beforeAll(async () => {
    server = await startSip2ReferenceServer();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the reference SIP2 server has not started');
    return server;
  };
}
