'use client';
// Last-resort boundary for errors in the root layout itself: it replaces the layout, so there is
// no next-intl provider here. It imports its one namespace's catalogues directly (error.*.json, not
// the shell's whole nl/en.json: this file's chunk is part of every page's first load) and says it
// in both languages. Never shows the error.
import nl from '@/lib/i18n/messages/error.nl.json';
import en from '@/lib/i18n/messages/error.en.json';
import './globals.css';

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="nl">
      <body className="antialiased">
        <main className="mx-auto max-w-2xl space-y-6 px-4 py-10">
          <title>{nl.Error.title}</title>
          <section className="space-y-3" aria-labelledby="global-error-nl">
            <h1 id="global-error-nl" className="text-3xl font-bold">
              {nl.Error.title}
            </h1>
            <p>{nl.Error.body}</p>
          </section>
          <section lang="en" className="space-y-3" aria-labelledby="global-error-en">
            <h2 id="global-error-en" className="text-2xl font-bold">
              {en.Error.title}
            </h2>
            <p>{en.Error.body}</p>
          </section>
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={() => retry()} className="btn btn-primary">
              {nl.Error.retry} <span lang="en">/ {en.Error.retry}</span>
            </button>
            {/* A plain link, not next/link: after a root error a full reload is the point. */}
            <a href="/" className="btn btn-secondary">
              {nl.Error.home} <span lang="en">/ {en.Error.home}</span>
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
