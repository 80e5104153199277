import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';

describe('P1 password policy (activation, change, recovery)', () => {
  it.each([
    ['short', 'kort123', {}, 'too_short'],
    ['exactly 8, uncommon', 'vlinder8', {}, null],
    ['64 characters are allowed', 'x'.repeat(30) + 'y'.repeat(34), {}, null],
    ['too long', 'z'.repeat(129), {}, 'too_long'],
    ['common, any case', 'WachtWoord123', {}, 'common'],
    ['common English', 'password1', {}, 'common'],
    ['the username itself', 'an.peeters', { username: 'an.peeters' }, 'same_as_username'],
    ['the e-mail local part', 'an.peeters', { email: 'an.peeters@example.be' }, 'same_as_username'],
    ['eight emoji count as eight', '📚📚📚📚📚📚📚📚', {}, null],
    ['a passphrase', 'boeken lenen in zottegem', {}, null],
  ])('%s', (_name, password, context, expected) => {
    expect(checkPassword(password, context)).toBe(expected);
  });
});
