// The recovery forms as the pages render them, in each state of their action: the labels, ids and
// `name`s the e2e specs and the no-JavaScript posts rely on, the live regions (alert for an error,
// status for a confirmation) and what describes each field. The server actions are stood in for;
// the action's state is set per test through useActionState.
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogs } from '@/lib/i18n/messages';

const actionState = vi.hoisted(() => ({ current: { status: 'idle' } as unknown }));

vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof import('react')>();
  return { ...react, useActionState: () => [actionState.current, () => {}, false] };
});
vi.mock('@/lib/actions/forgot-password', () => ({ forgotPassword: async () => ({ status: 'sent' }) }));
vi.mock('@/lib/actions/forgot-username', () => ({ forgotUsername: async () => ({ status: 'sent' }) }));
vi.mock('@/lib/actions/reset-password', () => ({ resetPasswordAction: async () => ({ status: 'idle' }) }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: 'Recovery') => createTranslator({ locale: 'nl', messages: catalogs.nl, namespace }),
}));
vi.mock('./recovery-messages', () => ({ RecoveryMessages: ({ children }: { children: React.ReactNode }) => children }));
vi.mock('@/lib/actions/confirm-email', () => ({ confirmEmailAction: async () => ({ status: 'idle' }) }));

const { RecoveryRequestForm } = await import('./recovery-request-form');
const { ResetPasswordForm } = await import('./reset-password-form');
const { ConfirmEmailForm } = await import('./confirm-email-form');
const { RecoveryRequestPage, recoveryRequestMetadata } = await import('./recovery-request-page');

function render(node: React.ReactNode, state: unknown = { status: 'idle' }): string {
  actionState.current = state;
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="nl" messages={{ Recovery: catalogs.nl.Recovery }} timeZone="Europe/Brussels">
      {node}
    </NextIntlClientProvider>,
  );
}

/** The attributes of the element with this id. */
function attributes(html: string, id: string): Record<string, string> {
  const tag = new RegExp(`<[a-z]+ [^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  return Object.fromEntries([...tag.matchAll(/([A-Za-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

beforeEach(() => {
  actionState.current = { status: 'idle' };
});

describe('forgot password / forgot username: one form', () => {
  it('password: username or e-mail, posted as `login`', () => {
    const html = render(<RecoveryRequestForm kind="password" />);
    expect(html).toContain('<label for="recovery-login" class="block font-semibold">Gebruikersnaam of e-mailadres</label>');
    expect(attributes(html, 'recovery-login')).toMatchObject({ name: 'login', type: 'text', autoComplete: 'username', autoCapitalize: 'none', spellCheck: 'false', required: '', maxLength: '254' });
    expect(html).toContain('>Link versturen</button>');
    expect(html).not.toContain('role="alert"');
    expect(attributes(html, 'recovery-login')).not.toHaveProperty('aria-describedby');
  });

  it('username: the e-mail address, posted as `email`', () => {
    const html = render(<RecoveryRequestForm kind="username" />);
    expect(html).toContain('<label for="recovery-email" class="block font-semibold">E-mailadres</label>');
    expect(attributes(html, 'recovery-email')).toMatchObject({ name: 'email', type: 'email', autoComplete: 'email', required: '', maxLength: '254' });
    expect(html).toContain('>Gebruikersnamen versturen</button>');
  });

  it('sent: the same confirmation, as a status', () => {
    expect(render(<RecoveryRequestForm kind="password" />, { status: 'sent' })).toMatch(/^<div tabindex="-1" role="status"[^>]*>Hoort er een account met een bevestigd e-mailadres bij wat je invulde/);
    expect(render(<RecoveryRequestForm kind="username" />, { status: 'sent' })).toMatch(/^<div tabindex="-1" role="status"[^>]*>Horen er accounts bij dit e-mailadres/);
  });

  it('a throttle: an alert that describes the field, with the wait in minutes', () => {
    const html = render(<RecoveryRequestForm kind="username" />, { status: 'error', code: 'throttled', retryAfterSeconds: 90 });
    expect(html).toContain('aria-describedby="recovery-error"');
    expect(html).toMatch(/<div id="recovery-error" tabindex="-1" role="alert"[^>]*>[^<]*2 minuten[^<]*<\/div>/);
  });
});

describe('reset password', () => {
  it('two password fields; the hint describes the new one', () => {
    const html = render(<ResetPasswordForm token="t0k3n" />);
    expect(html).toContain('<input type="hidden" name="token" value="t0k3n"/>');
    expect(html).toContain('<label for="new-password" class="block font-semibold">Nieuw wachtwoord</label>');
    expect(attributes(html, 'new-password')).toMatchObject({ name: 'password', type: 'password', autoComplete: 'new-password', required: '', minLength: '8', maxLength: '128', 'aria-describedby': 'new-password-hint' });
    expect(html).toContain('<label for="confirm-password" class="block font-semibold">Herhaal het nieuwe wachtwoord</label>');
    expect(attributes(html, 'confirm-password')).toMatchObject({ name: 'confirm', type: 'password', autoComplete: 'new-password', required: '', maxLength: '128' });
    expect(attributes(html, 'confirm-password')).not.toHaveProperty('aria-describedby');
    expect(html).toContain('>Wachtwoord opslaan</button>');
  });

  it('a mismatch: #reset-error says so and describes the repeated password, which is invalid', () => {
    const html = render(<ResetPasswordForm token="t" />, { status: 'error', code: 'mismatch' });
    expect(html).toContain('<div id="reset-error" tabindex="-1" role="alert" class="rounded-md border-2 p-3 border-danger bg-danger-soft text-danger-strong">De twee wachtwoorden zijn niet gelijk.</div>');
    expect(attributes(html, 'confirm-password')).toMatchObject({ 'aria-invalid': 'true', 'aria-describedby': 'reset-error' });
    expect(attributes(html, 'new-password')).toMatchObject({ 'aria-describedby': 'new-password-hint reset-error' });
    expect(attributes(html, 'new-password')).not.toHaveProperty('aria-invalid');
  });

  it('a weak password: the new password is invalid', () => {
    const html = render(<ResetPasswordForm token="t" />, { status: 'error', code: 'too_short' });
    expect(attributes(html, 'new-password')).toMatchObject({ 'aria-invalid': 'true', 'aria-describedby': 'new-password-hint reset-error' });
    expect(attributes(html, 'confirm-password')).not.toHaveProperty('aria-invalid');
  });

  it('a used link: the way to ask again', () => {
    const html = render(<ResetPasswordForm token="t" />, { status: 'error', code: 'invalid_link' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a class="btn btn-primary" href="/forgot-password">Vraag een nieuwe link aan</a>');
  });
});

describe('confirm e-mail', () => {
  it('done: a status with the title and the address', () => {
    const html = render(<ConfirmEmailForm token="t" kind="verify" />, { status: 'done', kind: 'verify', email: 'a@example.be' });
    expect(html).toMatch(/role="status"[^>]*><strong class="block">Je e-mailadres is bevestigd<\/strong>[^<]*a@example\.be/);
  });

  it('a server error: an alert', () => {
    const html = render(<ConfirmEmailForm token="t" kind="change" />, { status: 'error', code: 'server_error' });
    expect(html).toMatch(/role="alert"[^>]*>Er ging iets mis/);
  });
});

describe('the two forgot pages: one page body', () => {
  it.each([
    ['password', 'Wachtwoord vergeten', 'recovery-login', '/forgot-username', 'Gebruikersnaam vergeten?'],
    ['username', 'Gebruikersnaam vergeten', 'recovery-email', '/forgot-password', 'Wachtwoord vergeten?'],
  ] as const)('%s: heading, intro, form, the other page and back to sign-in', async (kind, title, field, other, otherText) => {
    expect(await recoveryRequestMetadata(kind)).toEqual({ title });
    const html = render(await RecoveryRequestPage({ kind }));
    expect(html).toMatch(new RegExp(`^<section aria-labelledby="forgot-${kind}-title" class="max-w-2xl space-y-6"><h1 id="forgot-${kind}-title" class="text-3xl font-bold">${title}</h1><p>`));
    expect(html).toContain(`id="${field}"`);
    expect(html).toContain(`<a href="${other}">${otherText}</a>`);
    expect(html).toContain('<a href="/login">Terug naar aanmelden</a>');
  });
});
