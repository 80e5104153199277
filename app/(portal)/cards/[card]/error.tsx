'use client';
// When a card page fails: a plain message and a retry, never the error itself (no stack trace or SQL).
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';

export default function CardError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('Cards');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="card-error-title" className="max-w-2xl space-y-4" role="alert">
      <h1 id="card-error-title" ref={heading} tabIndex={-1} className="text-3xl font-bold">
        {t('errorTitle')}
      </h1>
      <p>{t('errorBody')}</p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="btn btn-primary">
          {t('retry')}
        </button>
        <a href="/overview" className="btn btn-secondary">
          {t('toOverview')}
        </a>
      </div>
    </section>
  );
}
