'use client';
// Keyboard and screen-reader users keep their place after "Begrepen" (notices): the dismissed
// notice — and the button that had focus — leaves the page when it re-renders, which would drop
// focus to the document. Rendered in the card header (which stays mounted), this moves focus to the
// notices' heading, or to the page heading when the last notice went. It does nothing when focus is
// somewhere else, so it never steals it.
import { useEffect, useRef } from 'react';

export function NoticeFocus({ count }: { count: number }) {
  const previous = useRef(count);
  useEffect(() => {
    const before = previous.current;
    previous.current = count;
    if (count >= before) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(count > 0 ? 'notices-title' : 'card-page-title')?.focus();
  }, [count]);
  return null;
}
