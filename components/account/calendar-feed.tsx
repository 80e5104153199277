'use client';
// Account settings: the private calendar feed link (due dates and pick-up deadlines in the patron's
// own calendar app). Create it (shown once, in a labelled read-only field, with a copy button),
// make a new one (the old one stops working) or revoke it. The link cannot be shown again later:
// the portal keeps only a hash of its secret.
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { controlClass, labelClass } from '@/components/forms/field-styles';
import { FormAlert } from '@/components/forms/form-alert';
import { todayInBrussels } from '@/lib/domain/dates';
import { formatDateOnly } from '@/lib/i18n/format';
import { calendarFeedAction, type CalendarFeedState } from '@/lib/actions/calendar-feed';

export function CalendarFeed({ createdAt }: { createdAt: string | null }) {
  const t = useTranslations('CalendarFeed');
  const locale = useLocale();
  const [state, action, pending] = useActionState<CalendarFeedState, FormData>(calendarFeedAction, { status: 'idle' });
  const [copied, setCopied] = useState<string | null>(null);
  const active = state.status === 'created' || (state.status !== 'revoked' && createdAt !== null);

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      // No clipboard (permissions, an old browser): the field can still be selected and copied.
      setCopied(null);
    }
  }

  return (
    <section aria-labelledby="calendar-feed-title" className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-6">
      <h2 id="calendar-feed-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      <p>{t('intro')}</p>
      {state.status === 'created' ? (
        <div className="space-y-2">
          <label htmlFor="calendar-feed-url" className={labelClass}>
            {t('urlLabel')}
          </label>
          <p id="calendar-feed-url-hint" className="text-sm text-muted">
            {t('urlHint')}
          </p>
          <input
            id="calendar-feed-url"
            type="text"
            readOnly
            value={state.url}
            aria-describedby="calendar-feed-url-hint"
            className={controlClass(false)}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="btn btn-secondary" onClick={() => void copy(state.url)}>
            {t('copy')}
          </button>
          <p role="status" className="text-sm">
            {copied === state.url ? t('copied') : ''}
          </p>
        </div>
      ) : active && createdAt ? (
        <p>{t('active', { date: formatDateOnly(todayInBrussels(new Date(createdAt)), locale) })}</p>
      ) : (
        <p>{t('none')}</p>
      )}
      {state.status === 'revoked' && <FormAlert tone="success">{t('revoked')}</FormAlert>}
      {state.status === 'error' && <FormAlert tone="error">{t('error')}</FormAlert>}
      <form action={action} className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="create" className="btn btn-primary" disabled={pending}>
          {active ? t('replace') : t('create')}
        </button>
        {active ? (
          <button type="submit" name="intent" value="revoke" className="btn btn-secondary" disabled={pending}>
            {t('revoke')}
          </button>
        ) : null}
      </form>
    </section>
  );
}
