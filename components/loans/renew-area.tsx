// Server wrapper for the loans page: gives the renew controls their messages (only the `Error` and
// `Renewal` namespaces, plus any the page's own client leaves need) and the selection state.
// TanStack Query loads with the first renew click (components/cards/lazy-mutation.ts).
// Everything inside may use RenewButtons and LoanRows, and rows' checkboxes joined to the renew
// form (see renew-controls.tsx). The request key is rendered fresh per page for the renew form's
// POST (no JavaScript); a resubmitted POST gets its first answer (RN7).
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { RenewSelectionProvider } from './renew-controls';

export async function RenewArea({
  cardSlug,
  namespaces = [],
  children,
}: {
  cardSlug: string;
  /** Other message namespaces the client components inside need (a nested provider replaces, not merges). */
  namespaces?: readonly string[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(['Error', 'Renewal', ...namespaces].filter((n) => n in messages).map((n) => [n, messages[n]]));
  return (
    <NextIntlClientProvider messages={picked}>
      <RenewSelectionProvider cardSlug={cardSlug} requestKey={crypto.randomUUID()}>
        {children}
      </RenewSelectionProvider>
    </NextIntlClientProvider>
  );
}
