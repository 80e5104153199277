import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without locale routing: the request config reads the `locale` cookie / Accept-Language.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM database drivers and argon2 must be loaded by Node at run time, not bundled:
  // PGlite ships its WASM/data files beside its JS and fails to start when bundled. pino loads its
  // helpers at run time too (lib/log.ts).
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', '@node-rs/argon2', 'pino'],
};

export default withNextIntl(nextConfig);
