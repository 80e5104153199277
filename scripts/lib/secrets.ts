// The session secret and the PIN pepper at start, shared by `npm start` (scripts/serve.ts) and
// `npm run demo:sip2` (scripts/demo-sip2.ts) so that both refuse and warn alike:
//  - the session secret: NEXTAUTH_SECRET/AUTH_SECRET, else — refused in production with a real
//    database — one generated once into .data/auth-secret (0600) with a loud warning;
//  - the PIN pepper: PIN_PEPPER, else — refused in production with a real database — one generated
//    once into .data/pin-pepper, before seeding, so the seed and the server hash with the same one.
import { pepperRequired, pinPepper } from '../../lib/auth/pepper';
import { configuredSecret, generatedSecret, GENERATED_SECRET_FILE, secretRequired } from '../../lib/auth/secret';

/** The session secret to hand to the server; throws an Error whose message is for the operator. */
export function prepareSecrets(): string {
  let secret = configuredSecret();
  if (!secret) {
    if (secretRequired()) {
      throw new Error(
        'NODE_ENV is production and DATABASE_URL is set, but no NEXTAUTH_SECRET (or AUTH_SECRET) is.\n' +
          '  Refusing to start: sessions would be signed with a secret that other instances do not share.\n' +
          '  Set NEXTAUTH_SECRET to a long random value (e.g. `openssl rand -base64 32`), the same on every instance.',
      );
    }
    secret = generatedSecret();
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n!! WARNING: no NEXTAUTH_SECRET set — using a generated development secret from ${GENERATED_SECRET_FILE}.\n` +
        '!! Fine for a demo on this machine. For any real deployment set NEXTAUTH_SECRET.\n' +
        `${bar}\n`,
    );
  }
  if (pepperRequired()) {
    throw new Error(
      'NODE_ENV is production and DATABASE_URL is set, but no PIN_PEPPER is.\n' +
        '  Refusing to start: PIN hashes need a server-side secret shared by every instance and by the importer.\n' +
        '  Set PIN_PEPPER to a long random value (e.g. `openssl rand -base64 32`), and never change or lose it.',
    );
  }
  pinPepper();
  return secret;
}
