import 'server-only';
// Which LibrarySystems the running server uses. The configuration (./config.ts, from
// LIBRARY_SYSTEMS_FILE or LIBRARY_SYSTEMS) says which libraries are linked; createLibrarySystems
// turns it into one adapter per library, by its protocol. Built once per process, so each
// library's connection pool is shared by every request. Tests hand their own LibrarySystems to the
// functions that take them.
import { env } from '@/lib/env';
import { loadLibrarySystemsConfig, type LibrarySystemsConfig } from './config';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from './port';
import { createLibrarySystems } from './systems';

interface RegistryState {
  config: LibrarySystemsConfig | null;
  systems: LibrarySystems | null;
}

// On globalThis, like the database handle: dev-mode module reloading must not open a second set of
// connections to the same library systems.
const globalForRegistry = globalThis as unknown as { __mbLibrarySystems?: RegistryState };
const state = (): RegistryState => (globalForRegistry.__mbLibrarySystems ??= { config: null, systems: null });

/** The configuration, read and validated once per process. */
export function librarySystemsConfig(): LibrarySystemsConfig {
  const s = state();
  if (!s.config) {
    const e = env();
    s.config = loadLibrarySystemsConfig({ file: e.LIBRARY_SYSTEMS_FILE, inline: e.LIBRARY_SYSTEMS });
  }
  return s.config;
}

/**
 * The systems of the linked libraries. No library configured: NO_LIBRARY_SYSTEMS (every library is
 * import-only, the portal behaves as without a library link).
 */
export function librarySystems(): LibrarySystems {
  const s = state();
  if (s.systems) return s.systems;
  const config = librarySystemsConfig();
  if (Object.keys(config.libraries).length === 0) return NO_LIBRARY_SYSTEMS;
  s.systems = createLibrarySystems(config);
  return s.systems;
}

/** For tests that change the environment between cases: the systems made so far are closed. */
export function resetLibrarySystemsForTests(): void {
  const s = state();
  if (s.systems) closeAll(s.systems);
  globalForRegistry.__mbLibrarySystems = { config: null, systems: null };
}

function closeAll(systems: LibrarySystems): void {
  for (const isil of systems.linkedIsils()) {
    void systems.forLibrary(isil)?.close().catch(() => {});
  }
}
