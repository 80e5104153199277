import 'server-only';
// The one mapping of a failed card + PIN check (lib/auth/card-pin.ts) to an action's answer, shared
// by activation and linking so that both say the same, non-disclosing thing.
import type { CardPinResult } from '@/lib/auth/card-pin';
import { fail } from './account-action';

export function cardPinFailure(card: Extract<CardPinResult, { ok: false }>) {
  switch (card.code) {
    case 'throttled':
      return fail('throttled', { retryAfterSeconds: card.retryAfterSeconds });
    case 'library_unreachable':
      // L4: nothing was checked and nothing counted; the patron may try again later.
      return fail('library_unreachable', { library: { name: card.libraryName, message: null } });
    case 'choose_library':
      // R14: the PIN proves more than one record; the patron names the card's library.
      return fail('choose_library', { fieldErrors: { library: ['choose'] } });
    default:
      return fail('card_invalid');
  }
}
