'use client';
// Sign-out: next-auth ends this browser's session (the cookie), the offline copy of the card page
// is dropped, then sign-in is shown.
import { useState } from 'react';
import { forgetOfflineCard } from '../card/offline-card';
import { endSession } from './end-session';

export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-secondary px-3 text-sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await endSession();
        await forgetOfflineCard();
        window.location.assign('/login?signedOut=1');
      }}
    >
      {label}
    </button>
  );
}
