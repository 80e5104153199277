'use client';
// Registers the card page's service worker (public/card-sw.js) with the scope of that page only,
// so the card shows without a connection once opened. When this visit did not come through the
// worker (the first visit, or a client-side navigation), the worker is asked to fetch the page
// afresh, so its offline copy is the card as it is now.
import { useEffect } from 'react';

export const CARD_PAGE = '/library-card';

export function RegisterCardWorker() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker
      .register('/card-sw.js', { scope: CARD_PAGE })
      .then((registration) => {
        if (!controlled) registration.active?.postMessage('refresh');
      })
      .catch(() => {
        // Offline, or storage refused: the page itself works; only its offline copy does not update.
      });
  }, []);
  return null;
}
