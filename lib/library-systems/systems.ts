// The LibrarySystems of a configuration: one adapter (and so one connection pool) per linked library.
import type { LibrarySystemsConfig } from './config';
import type { LibrarySystem, LibrarySystems } from './port';
import { Sip2LibrarySystem } from './sip2-adapter';

export function createLibrarySystems(config: LibrarySystemsConfig): LibrarySystems & { closeAll(): Promise<void> } {
  const byIsil = new Map<string, LibrarySystem>(
    Object.entries(config.libraries).map(([isil, endpoint]) => [isil, new Sip2LibrarySystem(isil, endpoint)]),
  );
  return {
    forLibrary: (isil) => byIsil.get(isil.trim().toUpperCase()) ?? null,
    linkedIsils: () => [...byIsil.keys()],
    closeAll: async () => {
      await Promise.all([...byIsil.values()].map((s) => s.close()));
    },
  };
}
