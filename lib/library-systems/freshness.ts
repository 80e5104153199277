import 'server-only';
// L3 on the card pages: of the freshness a view read (lib/data/cards cardFreshnessJson), only the
// libraries this server links. An import-only library shows nothing new; a library that was linked
// once and is no longer keeps its old library_sync rows, which then say nothing.
import type { LibraryFreshness } from '@/lib/data/cards';
import { logger, safe } from '@/lib/log';
import { librarySystems } from './registry';

export function linkedFreshness(entries: readonly LibraryFreshness[]): LibraryFreshness[] {
  if (entries.length === 0) return [];
  let linked: Set<string>;
  try {
    linked = new Set(librarySystems().linkedIsils().map((isil) => isil.toUpperCase()));
  } catch (error) {
    logger().error({ ...safe.error(error) }, 'library systems configuration unusable');
    return [];
  }
  return entries.filter((e) => linked.has(e.isil.toUpperCase()));
}
