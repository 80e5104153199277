'use client';
// The card pages' only remaining render-time user of TanStack Query is the loans page's renew
// controls (components/loans/renew-controls: useMutation needs a QueryClientProvider above it).
// The other card pages load TanStack Query on the first click (lazy-mutation.ts), so the card
// layout no longer puts the provider in every card page's entry chunks (~8.5 kB gzip, issue 16.4).
// On the loans segment the provider is still needed to hydrate: it is loaded there with React.lazy,
// so it IS part of that page's first load: 8.7 kB gzip in two chunks, measured in Chromium
// (bench/first-load.ts cannot see a lazy chunk; docs/benchmarks.md says so).
// No <Suspense> of its own, on purpose: the server's shell then waits for it, so a notFound() in
// the loans page still answers 404 (inside a boundary the status would already be sent as 200),
// and hydration / client navigation simply wait for the chunk.
// Once the loans area wraps its own controls in <QueryProvider>, this goes.
import { useSelectedLayoutSegment } from 'next/navigation';
import { lazy, type ReactNode } from 'react';

const QueryProvider = lazy(() => import('./query-provider').then((m) => ({ default: m.QueryProvider })));

export function LoansQueryScope({ children }: { children: ReactNode }) {
  if (useSelectedLayoutSegment() !== 'loans') return <>{children}</>;
  return <QueryProvider>{children}</QueryProvider>;
}
