import { describe, expect, it } from 'vitest';
import { fieldErrorKey, formErrorCode, formErrorMessage, parseSignInError, recoveryErrorCode, waitMinutes, waitParts } from './form-feedback';

describe('form feedback: identity forms', () => {
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

describe('form feedback: the form-level sentence of each catalogue', () => {
  it.each([
    [{ code: 'card_invalid' }, { key: 'card_invalid' }],
    [{ code: 'throttled', retryAfterSeconds: 30 }, { key: 'throttledSeconds', values: { count: 30 } }],
    [{ code: 'throttled', retryAfterSeconds: 299 }, { key: 'throttledMinutes', values: { count: 5 } }],
    [{ code: 'library_unreachable', library: { name: 'Bibliotheek Zottegem', message: null } }, { key: 'library_unreachable', values: { library: 'Bibliotheek Zottegem' } }],
    [{ code: 'mismatch' }, { key: 'server_error' }],
  ])('identity: %j → %j', (failure, message) => {
    expect(formErrorMessage(failure)).toEqual(message);
    expect(formErrorMessage(failure, 'identity')).toEqual(message);
  });

  it.each([
    [{ code: 'mismatch' }, { key: 'mismatch' }],
    [{ code: 'invalid_email' }, { key: 'invalid_email' }],
    [{ code: 'throttled', retryAfterSeconds: 30 }, { key: 'throttled', values: { minutes: 1 } }],
    [{ code: 'throttled', retryAfterSeconds: 299 }, { key: 'throttled', values: { minutes: 5 } }],
    [{ code: 'throttled' }, { key: 'throttled', values: { minutes: 1 } }],
    [{ code: 'card_invalid' }, { key: 'server_error' }],
  ])('recovery: %j → %j', (failure, message) => {
    expect(formErrorMessage(failure, 'recovery')).toEqual(message);
  });

  it('unknown recovery codes read as a server error', () => {
    expect(recoveryErrorCode('same_email')).toBe('same_email');
    expect(recoveryErrorCode('Error: boom')).toBe('server_error');
  });

  it('a wait in whole minutes, at least one', () => {
    expect(waitMinutes(undefined)).toBe(1);
    expect(waitMinutes(1)).toBe(1);
    expect(waitMinutes(61)).toBe(2);
  });
});
