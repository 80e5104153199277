import 'server-only';
// The library systems this server process talks to: built once from the configuration
// (lib/library-systems/config.ts) by the adapter factory, and shared by every request so that each
// library's connection pool is shared too. Tests pass their own LibrarySystems to the core
// functions instead of using this.
import { env } from '@/lib/env';
import { loadLibrarySystemsConfig, type LibrarySystemsConfig } from './config';
import { NO_LIBRARY_SYSTEMS, type LibrarySystems } from './port';
import { createLibrarySystems } from './systems';

let current: { config: LibrarySystemsConfig; systems: LibrarySystems } | undefined;

function load() {
  if (current) return current;
  const e = env();
  const config = loadLibrarySystemsConfig({ file: e.LIBRARY_SYSTEMS_FILE, inline: e.LIBRARY_SYSTEMS });
  const systems = Object.keys(config.libraries).length === 0 ? NO_LIBRARY_SYSTEMS : createLibrarySystems(config);
  current = { config, systems };
  return current;
}

/** The linked libraries of this process (none unless configured). */
export function librarySystems(): LibrarySystems {
  return load().systems;
}

export function librarySystemsConfig(): LibrarySystemsConfig {
  return load().config;
}
