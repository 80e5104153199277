'use client';
// TanStack Query's provider for components that call its hooks while rendering (the loans page's
// renew controls, through loans-query-scope.tsx): one client per mounted tree, created once.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
