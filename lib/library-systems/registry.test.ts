// The registry of the running server: which libraries are linked comes from the configuration,
// read once per process; each linked library gets the adapter of its protocol, made once (one
// connection pool per library for every request) and closed when the registry is reset.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { NO_LIBRARY_SYSTEMS } from './port';
import { Sip2LibrarySystem } from './sip2-adapter';
import { librarySystems, librarySystemsConfig, resetLibrarySystemsForTests } from './registry';

const endpoint = { protocol: 'sip2', host: 'sip.example.be', port: 6001, login: { user: 'portal', password: 'x' }, institutionId: 'ZOT' };

describe('library systems registry', () => {
  const saved = { inline: process.env.LIBRARY_SYSTEMS, file: process.env.LIBRARY_SYSTEMS_FILE };
  const configure = (document: unknown) => {
    if (document === null) delete process.env.LIBRARY_SYSTEMS;
    else process.env.LIBRARY_SYSTEMS = JSON.stringify(document);
    delete process.env.LIBRARY_SYSTEMS_FILE;
    resetEnvForTests();
    resetLibrarySystemsForTests();
  };
  beforeEach(() => configure(null));
  afterEach(() => {
    vi.restoreAllMocks();
    if (saved.inline === undefined) delete process.env.LIBRARY_SYSTEMS;
    else process.env.LIBRARY_SYSTEMS = saved.inline;
    if (saved.file !== undefined) process.env.LIBRARY_SYSTEMS_FILE = saved.file;
    resetEnvForTests();
    resetLibrarySystemsForTests();
  });

  it('no library configured: every library is import-only', () => {
    expect(librarySystems()).toBe(NO_LIBRARY_SYSTEMS);
    expect(librarySystems().linkedIsils()).toEqual([]);
    expect(librarySystemsConfig().refreshAfterMinutes).toBe(15);
  });

  it('libraries configured: each gets the adapter of its protocol (SIP2); others stay import-only', () => {
    configure({ libraries: { 'be-zot01': endpoint } });
    const systems = librarySystems();
    expect(systems.linkedIsils()).toEqual(['BE-ZOT01']);
    expect(systems.forLibrary('BE-ZOT01')).toBeInstanceOf(Sip2LibrarySystem);
    expect(systems.forLibrary('be-zot01')).toBe(systems.forLibrary('BE-ZOT01'));
    expect(systems.forLibrary('BE-OOS01')).toBeNull();
    // Made once per process: every request shares the library's connection pool.
    expect(librarySystems()).toBe(systems);
  });

  it('reads the configuration once per process, and a reset closes the adapters made so far', async () => {
    configure({ refreshAfterMinutes: 5, libraries: { 'be-zot01': endpoint } });
    const config = librarySystemsConfig();
    expect(config.refreshAfterMinutes).toBe(5);
    expect(Object.keys(config.libraries)).toEqual(['BE-ZOT01']);
    process.env.LIBRARY_SYSTEMS = JSON.stringify({ refreshAfterMinutes: 9, libraries: {} });
    resetEnvForTests();
    expect(librarySystemsConfig()).toBe(config);

    const close = vi.spyOn(Sip2LibrarySystem.prototype, 'close');
    const adapter = librarySystems().forLibrary('BE-ZOT01');
    expect(adapter).toBeInstanceOf(Sip2LibrarySystem);
    resetLibrarySystemsForTests();
    expect(close).toHaveBeenCalledTimes(1);
    // After the reset the (changed) configuration is read again.
    expect(librarySystemsConfig().refreshAfterMinutes).toBe(9);
    expect(librarySystems()).toBe(NO_LIBRARY_SYSTEMS);
  });
});
