// The library's desk at the reference SIP2 server — a SIP client of its own, as a librarian's or a
// kiosk's terminal would be — that lends items and places holds before the portal looks. Shared by
// the integration tests and the e2e specs (so: no test runner imported here).
import { Sip2Client } from '../../lib/library-systems/sip2';
import type { Sip2ReferenceServer } from './sip2-reference-server';

/** A desk terminal at the reference server (its second SIP login); the caller closes it. */
export function deskClient(server: Pick<Sip2ReferenceServer, 'host' | 'port'>): Sip2Client {
  return new Sip2Client({
    host: server.host, port: server.port, tls: false, charset: 'ascii', institutionId: 'UWOLS',
    login: { user: 'scclient-2', password: 'clientpwd-2' }, timeoutMs: 15_000,
  });
}

/** The desk for one piece of work, closed afterwards (the server serves one connection at a time). */
export async function atDesk<T>(server: Pick<Sip2ReferenceServer, 'host' | 'port'>, work: (desk: Sip2Client) => Promise<T>): Promise<T> {
  const desk = deskClient(server);
  try {
    return await work(desk);
  } finally {
    await desk.close();
  }
}
