// The linked-library scenario of the integration tests and e2e specs. The builder is demo data for
// the reference SIP2 server as well (`npm run demo:sip2`, the bench), so it lives in
// db/seed/reference-library.ts, where scripts may import it; this re-export keeps the tests' imports.
export * from '@/db/seed/reference-library';
