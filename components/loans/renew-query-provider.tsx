'use client';
// TanStack Query for the renew controls (ARCHITECTURE convention 1: Query serves the interactive
// parts, not page data). One client per browser tab, created once per mount. If the card views get
// a shared provider (components/cards/query-provider.tsx), use that one and drop this.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

export function RenewQueryProvider({ children }: { children: ReactNode }) {
  // Mutations are never retried automatically: a renewal retry is the patron's click (new key).
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
