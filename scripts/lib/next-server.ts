// The production HTTP server: Next.js's request handler behind a plain Node server, instead of
// `next start`, for one reason — the socket address. Next.js hands server actions and route
// handlers only headers, and `next start` copies the socket into X-Forwarded-For only when a
// request has none, so a forged header hides the real address. Here every request gets the
// socket's address in PEER_HEADER, overwriting whatever the client sent under that name, and the
// process is marked so that lib/auth/client-address.ts trusts that header (and only then).
//
// Run by scripts/lib/server.ts as a child (`node --import tsx`): `next-server.ts PORT HOSTNAME`.
import { createServer } from 'node:http';
import next from 'next';
import { markPeerHeaderStamped, PEER_HEADER } from '../../lib/auth/client-address';

const [portArg, hostname = '0.0.0.0'] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`[serve] bad port: ${portArg}`);
  process.exit(2);
}

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
markPeerHeaderStamped();

const server = createServer((req, res) => {
  // Always overwritten: the client's own value must never reach the app.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  handle(req, res).catch((error: unknown) => {
    console.error('[serve] request failed', error instanceof Error ? error.name : typeof error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`[serve] ready on http://${hostname}:${port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  // Open keep-alive connections would hold close() up.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
