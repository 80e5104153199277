'use client';
// Error boundary for every page below the root layout. Never shows the error itself: in production
// Next.js only forwards a digest for server errors, and client errors could still carry details.
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('Error');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Move focus to the message so keyboard and screen-reader users learn what happened.
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="error-title" className="max-w-2xl space-y-4" role="alert">
      <h1 id="error-title" ref={heading} tabIndex={-1} className="text-3xl font-bold">
        {t('title')}
      </h1>
      <p>{t('body')}</p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="btn btn-primary">
          {t('retry')}
        </button>
        {/* A plain link (full page load) on purpose: it resets every client state. */}
        <a href="/" className="btn btn-secondary">
          {t('home')}
        </a>
      </div>
    </section>
  );
}
