'use client';
// True in the browser after hydration, false on the server and in the hydration pass: a form that
// must also work before the page's scripts run renders its script-free version until then.
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
