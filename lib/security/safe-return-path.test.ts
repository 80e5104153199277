// Return paths. Every case is a string a browser could be sent to after sign-in.
import { describe, expect, it } from 'vitest';
import { afterSignInPath, DEFAULT_RETURN_PATH, safeReturnPath } from './safe-return-path';

const O = DEFAULT_RETURN_PATH;

describe('safeReturnPath', () => {
  const cases: [label: string, candidate: unknown, expected: string][] = [
    // Kept: plain paths of this site, with their query and fragment.
    ['a portal path', '/memberships', '/memberships'],
    ['a path with a query', '/cards/zo/history?q=harry%20potter&page=2', '/cards/zo/history?q=harry%20potter&page=2'],
    ['a path with a fragment', '/account#password', '/account#password'],
    ['dot segments stay on the site', '/cards/../account', '/account'],
    ['a query holding slashes', '/cards?from=//x', '/cards?from=//x'],
    ['the home page', '/', '/'],
    // Missing or not a string.
    ['undefined', undefined, O],
    ['null', null, O],
    ['empty', '', O],
    ['a number', 42, O],
    ['an array', ['/overview'], O],
    ['too long', `/${'a'.repeat(3000)}`, O],
    // Other origins.
    ['absolute http', 'http://evil.example/', O],
    ['absolute https', 'https://evil.example/overview', O],
    ['javascript:', 'javascript:alert(1)', O],
    ['data:', 'data:text/html,hi', O],
    ['relative without slash', 'evil.example', O],
    ['protocol-relative', '//evil.example', O],
    ['protocol-relative, three slashes', '///evil.example', O],
    // Backslashes: browsers read `\` as `/` in http URLs.
    ['slash backslash', '/\\evil.example', O],
    ['backslash slash', '\\/evil.example', O],
    ['backslash backslash', '\\\\evil.example', O],
    ['a backslash later on', '/cards\\..\\..\\evil', O],
    // Control characters: the URL parser drops tab and newline, turning `/\t/x` into `//x`.
    ['slash tab slash', '/\t/evil.example', O],
    ['slash newline slash', '/\n/evil.example', O],
    ['slash CR slash', '/\r/evil.example', O],
    ['NUL', '/overview\u0000', O],
    ['DEL', '/\u007f/evil.example', O],
    ['C1 control', '/\u0085/evil.example', O],
    // Percent-encoded variants (a path that is harmless as a path still falls back: nothing legitimate needs it).
    ['encoded tab', '/%09/evil.example', O],
    ['encoded newline', '/%0a/evil.example', O],
    ['encoded CR', '/%0D/evil.example', O],
    ['encoded slash', '/%2f/evil.example', O],
    ['encoded slash, upper case', '/%2F%2Fevil.example', O],
    ['encoded backslash', '/%5cevil.example', O],
    ['double-encoded tab', '/%2509/evil.example', O],
    ['double-encoded slash', '/%252f/evil.example', O],
    ['triple-encoded backslash', '/%25255c/evil.example', O],
    ['broken encoding', '/%E0%A4%A', O],
    ['encoded control in the query', '/overview?x=%00', O],
  ];
  it.each(cases)('%s', (_label, candidate, expected) => {
    expect(safeReturnPath(candidate)).toBe(expected);
  });

  const origin = 'http://127.0.0.1:3100';
  const absolute: [label: string, candidate: string, expected: string][] = [
    ['our own origin, absolute', `${origin}/memberships?x=1`, '/memberships?x=1'],
    ['our own origin, path', '/account', '/account'],
    ['another port', 'http://127.0.0.1:3101/overview', O],
    ['another scheme', 'https://127.0.0.1:3100/overview', O],
    ['credentials in the URL', 'http://evil@127.0.0.1:3100/overview', O],
    ['a look-alike host', 'http://127.0.0.1:3100.evil.example/', O],
    ['a tab in an absolute URL', 'http://127.0.0.1:3100/\t/evil.example', O],
    ['a backslash in an absolute URL', 'http://127.0.0.1:3100\\@evil.example/', O],
    ['another origin', 'https://evil.example/', O],
    ['our origin, then protocol-relative path', `${origin}//evil.example`, O],
  ];
  it.each(absolute)('with the site origin: %s', (_label, candidate, expected) => {
    expect(safeReturnPath(candidate, { origin })).toBe(expected);
  });

  it('every answer is a path of this site', () => {
    for (const [, candidate] of cases) {
      const path = safeReturnPath(candidate);
      expect(new URL(path, 'https://portal.example').origin).toBe('https://portal.example');
    }
  });
});

describe('afterSignInPath', () => {
  const cases: [string, unknown, string][] = [
    ['a portal page', '/cards/zo/loans', '/cards/zo/loans'],
    ['the home page', '/', O],
    ['the home page with a query', '/?x=1', O],
    ['the sign-in page (a loop)', '/login', O],
    ['the sign-in page with a next', '/login?next=/account', O],
    ['a page that merely starts with login', '/loginhelp', '/loginhelp'],
    ['missing', undefined, O],
    ['the reported attack', '/\t/evil.example', O],
  ];
  it.each(cases)('%s', (_label, candidate, expected) => {
    expect(afterSignInPath(candidate)).toBe(expected);
  });
});
