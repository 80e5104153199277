import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without locale routing: the request config reads the `locale` cookie / Accept-Language.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

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
