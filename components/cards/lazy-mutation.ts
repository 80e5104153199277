// Runs a server action as a TanStack Query mutation, loading TanStack Query only when the patron
// first acts (cancel, change pick-up, history switches): none of the card pages needs it to render,
// and as a provider in the card layout it cost every card page ~8.5 kB gzip of first-load JS
// (issue 16.4). One QueryClient per browser tab, created with that first mutation; no retries
// (a renewal or cancellation must not be sent twice behind the patron's back).
import type { QueryClient } from '@tanstack/react-query';

let client: Promise<{ client: QueryClient; Observer: typeof import('@tanstack/react-query').MutationObserver }> | null = null;

function tabClient() {
  client ??= import('@tanstack/react-query').then(({ QueryClient, MutationObserver }) => ({
    client: new QueryClient({ defaultOptions: { mutations: { retry: false } } }),
    Observer: MutationObserver,
  }));
  return client;
}

export async function runMutation<I, T>(mutationFn: (input: I) => Promise<T>, input: I): Promise<T> {
  const { client, Observer } = await tabClient();
  return new Observer<T, Error, I>(client, { mutationFn }).mutate(input);
}
