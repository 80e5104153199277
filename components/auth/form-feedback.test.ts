import { describe, expect, it } from 'vitest';
import { fieldErrorKey, formErrorCode, parseSignInError, waitParts } from './form-feedback';

describe('identity form feedback', () => {
  it.each([
    ['username', ['taken'], 'username.taken'],
    ['username', ['too_small'], 'username.invalid'],
    ['password', ['common'], 'password.common'],
    ['newPassword', ['same_as_username'], 'newPassword.same_as_username'],
    ['currentPassword', ['wrong'], 'currentPassword.wrong'],
    ['pin', ['invalid_format'], 'pin.invalid'],
  ])('field %s with %j → %s', (field, codes, key) => {
    expect(fieldErrorKey(field, codes)).toBe(key);
  });

  it('no codes, no message', () => {
    expect(fieldErrorKey('pin', undefined)).toBeNull();
    expect(fieldErrorKey('pin', [])).toBeNull();
  });

  it('unknown form codes read as a server error, never as raw text', () => {
    expect(formErrorCode('linked_elsewhere')).toBe('linked_elsewhere');
    expect(formErrorCode('TypeError: x is undefined')).toBe('server_error');
  });

  it.each([
    [30, { unit: 'seconds', count: 30 }],
    [60, { unit: 'minutes', count: 1 }],
    [299, { unit: 'minutes', count: 5 }],
    [undefined, { unit: 'minutes', count: 1 }],
  ])('throttle wait of %s s', (seconds, parts) => {
    expect(waitParts(seconds)).toEqual(parts);
  });

  it("parses next-auth's sign-in errors (P1 throttle with its wait)", () => {
    expect(parseSignInError('throttled:120')).toEqual({ code: 'throttled', retryAfterSeconds: 120 });
    expect(parseSignInError('invalid')).toEqual({ code: 'invalid' });
    expect(parseSignInError('CredentialsSignin')).toEqual({ code: 'invalid' });
    expect(parseSignInError('Something else')).toEqual({ code: 'server_error' });
    expect(parseSignInError(null)).toBeNull();
  });
});
