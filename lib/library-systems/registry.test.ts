import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { FakeLibrarySystem, fakeSystems } from '@/test/fake-library-system';
import type { LibrarySystemsConfig } from './config';
import { NO_LIBRARY_SYSTEMS } from './port';
import { Sip2LibrarySystem } from './sip2-adapter';
import { librarySystems, librarySystemsConfig, resetLibrarySystemsForTests, setLibrarySystemFactory } from './registry';

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
    if (saved.inline === undefined) delete process.env.LIBRARY_SYSTEMS;
    else process.env.LIBRARY_SYSTEMS = saved.inline;
    if (saved.file !== undefined) process.env.LIBRARY_SYSTEMS_FILE = saved.file;
    resetEnvForTests();
    resetLibrarySystemsForTests();
  });

  it('no library configured: every library is import-only, whatever factory is registered', () => {
    let made = 0;
    setLibrarySystemFactory(() => {
      made += 1;
      return fakeSystems(new FakeLibrarySystem('BE-ZOT01'));
    });
    expect(librarySystems()).toBe(NO_LIBRARY_SYSTEMS);
    expect(made).toBe(0);
    expect(librarySystemsConfig().refreshAfterMinutes).toBe(15);
  });

  it('libraries configured: by default each gets the adapter of its protocol (SIP2); others stay import-only', () => {
    configure({ libraries: { 'be-zot01': endpoint } });
    const systems = librarySystems();
    expect(systems.linkedIsils()).toEqual(['BE-ZOT01']);
    expect(systems.forLibrary('BE-ZOT01')).toBeInstanceOf(Sip2LibrarySystem);
    expect(systems.forLibrary('BE-OOS01')).toBeNull();
    // Made once per process: every request shares the library's connection pool.
    expect(librarySystems()).toBe(systems);
  });

  it('the registered factory gets the parsed configuration once, and a new factory replaces it', async () => {
    configure({ refreshAfterMinutes: 5, libraries: { 'be-zot01': endpoint } });
    const seen: LibrarySystemsConfig[] = [];
    const first = new FakeLibrarySystem('BE-ZOT01');
    let closed = 0;
    first.close = async () => {
      closed += 1;
    };
    setLibrarySystemFactory((config) => {
      seen.push(config);
      return fakeSystems(first);
    });
    expect(librarySystems().linkedIsils()).toEqual(['BE-ZOT01']);
    expect(librarySystems().forLibrary('be-zot01')).toBe(first);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.refreshAfterMinutes).toBe(5);
    expect(Object.keys(seen[0]!.libraries)).toEqual(['BE-ZOT01']);

    const second = new FakeLibrarySystem('BE-ZOT01');
    setLibrarySystemFactory(() => fakeSystems(second));
    expect(closed).toBe(1);
    expect(librarySystems().forLibrary('BE-ZOT01')).toBe(second);
  });
});
