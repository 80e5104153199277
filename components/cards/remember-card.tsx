'use client';
// Remembers the card being looked at, so /cards (and the next visit) opens it again. Set from the
// page rather than the server: server components cannot set cookies, and this is only a preference.
import { useEffect } from 'react';
import { LAST_CARD_COOKIE, LAST_CARD_MAX_AGE } from './card-cookie';

export function RememberCard({ slug }: { slug: string }) {
  useEffect(() => {
    document.cookie = `${LAST_CARD_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=${LAST_CARD_MAX_AGE}; samesite=lax`;
  }, [slug]);
  return null;
}
