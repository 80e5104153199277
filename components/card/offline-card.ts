// The offline copy of the card page (public/card-sw.js keeps it in caches named `library-card-*`):
// dropped on sign-out, so a signed-out browser no longer shows anyone's card.
export async function forgetOfflineCard(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith('library-card-')).map((k) => caches.delete(k)));
  } catch {
    // Storage may be unavailable (private mode); there is nothing to forget then.
  }
}
