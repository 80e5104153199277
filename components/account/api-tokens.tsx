'use client';
// Account settings: the personal read-only API's tokens. Create a named token (shown once, in a
// labelled read-only field, with a copy button), see the active ones (name, created, last used) and
// revoke any. A token cannot be shown again later: the portal keeps only a hash of it.
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { captionClass, TableRegion, td, th } from '@/components/cards/table-region';
import { controlClass, labelClass } from '@/components/forms/field-styles';
import { FormAlert } from '@/components/forms/form-alert';
import { apiTokenAction, type ApiTokenState } from '@/lib/actions/api-tokens';
import { todayInBrussels } from '@/lib/domain/dates';
import { formatDateOnly } from '@/lib/i18n/format';

export interface ApiTokenRow {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** `nameMax` comes from the server page (lib/domain/personal-api): importing it here would ship zod. */
export function ApiTokens({ tokens, nameMax }: { tokens: ApiTokenRow[]; nameMax: number }) {
  const t = useTranslations('ApiTokens');
  const locale = useLocale();
  const [state, action, pending] = useActionState<ApiTokenState, FormData>(apiTokenAction, { status: 'idle' });
  const [copied, setCopied] = useState<string | null>(null);
  const day = (iso: string) => formatDateOnly(todayInBrussels(new Date(iso)), locale);

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(token);
    } catch {
      setCopied(null);
    }
  }

  const errorText =
    state.status !== 'error' ? null : state.code === 'invalid_input' ? t('errorName') : state.code === 'too_many_tokens' ? t('errorTooMany') : t('error');

  return (
    <section aria-labelledby="api-tokens-title" className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-6">
      <h2 id="api-tokens-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p>{t('intro')}</p>
      <p>
        <a href="/api/v1/openapi.json" className="underline">
          {t('docs')}
        </a>
      </p>
      {state.status === 'created' ? (
        <div className="space-y-2">
          <label htmlFor="api-token-value" className={labelClass}>
            {t('tokenLabel', { name: state.name })}
          </label>
          <p id="api-token-value-hint" className="text-sm text-muted">
            {t('tokenHint')}
          </p>
          <input
            id="api-token-value"
            type="text"
            readOnly
            value={state.token}
            aria-describedby="api-token-value-hint"
            className={controlClass(false)}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="btn btn-secondary" onClick={() => void copy(state.token)}>
            {t('copy')}
          </button>
          <p role="status" className="text-sm">
            {copied === state.token ? t('copied') : ''}
          </p>
        </div>
      ) : null}
      {state.status === 'revoked' && <FormAlert tone="success">{t('revoked')}</FormAlert>}
      {errorText && <FormAlert tone="error">{errorText}</FormAlert>}
      <form action={action} className="space-y-2">
        <input type="hidden" name="intent" value="create" />
        <label htmlFor="api-token-name" className={labelClass}>
          {t('nameLabel')}
        </label>
        <p id="api-token-name-hint" className="text-sm text-muted">
          {t('nameHint')}
        </p>
        <input
          id="api-token-name"
          name="name"
          type="text"
          required
          maxLength={nameMax}
          autoComplete="off"
          aria-describedby="api-token-name-hint"
          className={controlClass(false)}
        />
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t('create')}
        </button>
      </form>
      {tokens.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <TableRegion label={t('listCaption')}>
          <table className="w-full border-collapse text-left">
            <caption className={captionClass}>{t('listCaption')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className={th}>{t('colName')}</th>
                <th scope="col" className={th}>{t('colCreated')}</th>
                <th scope="col" className={th}>{t('colLastUsed')}</th>
                <th scope="col" className={th}>{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-b border-line">
                  <th scope="row" className={`${td} font-normal`}>{token.name}</th>
                  <td className={`${td} whitespace-nowrap`}>{day(token.createdAt)}</td>
                  <td className={`${td} whitespace-nowrap`}>{token.lastUsedAt ? day(token.lastUsedAt) : t('never')}</td>
                  <td className={td}>
                    <form action={action}>
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={token.id} />
                      <button type="submit" className="btn btn-secondary" disabled={pending}>
                        {t('revoke', { name: token.name })}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
