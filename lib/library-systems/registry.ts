import 'server-only';
// Which LibrarySystems the running server uses (issue 12). The configuration (./config.ts, from
// LIBRARY_SYSTEMS_FILE or LIBRARY_SYSTEMS) says which libraries are linked; an adapter factory
// turns it into LibrarySystems. The factory is registered, not imported here, so that this module
// (and everything that refreshes or shows freshness) does not depend on one protocol: the SIP2
// adapter's module calls `setLibrarySystemFactory(createSip2LibrarySystems)` where the server starts.
// Tests do not use this registry: they hand a fake LibrarySystems to the functions directly.
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { loadLibrarySystemsConfig, type LibrarySystemsConfig } from './config';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from './port';

export type LibrarySystemFactory = (config: LibrarySystemsConfig) => LibrarySystems;

interface RegistryState {
  factory: LibrarySystemFactory | null;
  config: LibrarySystemsConfig | null;
  systems: LibrarySystems | null;
  warned: boolean;
}

// On globalThis, like the database handle: dev-mode module reloading must not lose the factory
// or open a second set of connections to the same library systems.
const globalForRegistry = globalThis as unknown as { __mbLibrarySystems?: RegistryState };
const state = (): RegistryState => (globalForRegistry.__mbLibrarySystems ??= { factory: null, config: null, systems: null, warned: false });

/**
 * Registers the adapter factory. A later call replaces it; the systems made by the previous one are
 * closed, so their connections do not linger.
 */
export function setLibrarySystemFactory(factory: LibrarySystemFactory): void {
  const s = state();
  const previous = s.systems;
  s.factory = factory;
  s.systems = null;
  if (previous) closeAll(previous);
}

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
 * import-only, the portal behaves as before issue 12). Libraries configured but no factory
 * registered: also NO_LIBRARY_SYSTEMS, with one warning in the log — the portal keeps serving its
 * copy rather than failing every page because of a deployment mistake.
 */
export function librarySystems(): LibrarySystems {
  const s = state();
  if (s.systems) return s.systems;
  const config = librarySystemsConfig();
  if (Object.keys(config.libraries).length === 0) return NO_LIBRARY_SYSTEMS;
  if (!s.factory) {
    if (!s.warned) {
      s.warned = true;
      logger().warn({ linkedLibraries: Object.keys(config.libraries).length }, 'library systems configured but no adapter factory registered; serving the imported copy only');
    }
    return NO_LIBRARY_SYSTEMS;
  }
  s.systems = s.factory(config);
  return s.systems;
}

/** For tests that change the environment or the factory between cases. */
export function resetLibrarySystemsForTests(): void {
  const s = state();
  if (s.systems) closeAll(s.systems);
  globalForRegistry.__mbLibrarySystems = { factory: null, config: null, systems: null, warned: false };
}

function closeAll(systems: LibrarySystems): void {
  for (const isil of systems.linkedIsils()) {
    void systems.forLibrary(isil)?.close().catch(() => {});
  }
}
