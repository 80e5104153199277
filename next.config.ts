import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without locale routing: the request config reads the `locale` cookie / Accept-Language.
// The catalogues are precompiled at build time (ICU → compact arrays; plain strings stay strings) and
// use-intl formats them with its small format-only formatter: the ICU parser (intl-messageformat,
// ~8 kB gzip) no longer ships to the browser on every page (issue 16, first-load JS). Code run
// outside Next.js (scripts, tests) imports the plain JSON and formats it with the full parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM database drivers and argon2 must be loaded by Node at run time, not bundled:
  // PGlite ships its WASM/data files beside its JS and fails to start when bundled. pino loads its
  // helpers at run time too (lib/log.ts). bwip-js (the card page's barcodes) is plain Node code
  // with its own font data: loaded as it is rather than bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2', 'pino', 'bwip-js'],
};

export default withNextIntl(nextConfig);
