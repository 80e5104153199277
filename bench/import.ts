// The import section of `npm run bench` (imported PIN hashes), run in a child process by
// bench/run.ts (`npm run bench -- --only import` runs it alone):
//
//  - one network@1 document of BENCH_IMPORT_PATRONS patrons (default 100 000), each with a
//    membership and a card whose PIN comes as `pinHash` — realistic per-patron data, but the hashes
//    are drawn from a few precomputed ones (bcrypt cost 10 and argon2id), because hashing 100 000 of
//    them to build the fixture would take longer than the import;
//  - imported into a freshly migrated database twice: the first import (every row inserted, every
//    hash stored as given) and a re-import of the same document (nothing written, and — thanks to
//    `cards.pin_source` — no hash computed or verified);
//  - for comparison, what a plain `pin` costs: a first import of BENCH_IMPORT_PLAIN patrons with
//    plain PINs (each one an argon2id hash on libuv's pool), its hashes per second against the bare
//    hashPin rate at the importer's concurrency, and the 100 000 extrapolated.
//
// argv: `pglite DIR` or `postgres URL`. Prints one line `BENCH_JSON {…}`.
import { hash as argon2Hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { openDb } from '../db/client';
import { mapLimited } from '../db/import/secrets';
import { importNetwork } from '../db/import/import-network';
import type { NetworkDocument } from '../db/import/schema';
import { migrate } from '../db/migrate';
import { hashPin } from '../lib/auth/hash';

type Counts = { inserted: number; updated: number; unchanged?: number };

// A quick bench (BENCH_QUICK=1) imports a tenth: the 100 000 took ~8 of its minutes.
const PATRONS = Number(process.env.BENCH_IMPORT_PATRONS ?? (process.env.BENCH_QUICK === '1' ? 10_000 : 100_000));
const PLAIN = Number(process.env.BENCH_IMPORT_PLAIN ?? 400);
const LIBRARIES = 20;
const DISTINCT_HASHES = 8;
const TODAY = '2026-11-23';

type Doc = NetworkDocument & { patrons: NonNullable<NetworkDocument['patrons']> };

export interface ImportBenchResult {
  driver: 'pglite' | 'postgres';
  patrons: number;
  distinctHashes: number;
  buildSeconds: number;
  first: { seconds: number; counts: Record<string, Counts> };
  again: { seconds: number; counts: Record<string, Counts> };
  plain: { patrons: number; seconds: number; hashesPerSecond: number; bareHashesPerSecond: number; extrapolatedSeconds: number };
  rssMiB: number;
}

function skeleton(): Doc {
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: 'IB', name: 'Regio Importbank', kind: '3b', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [{ code: 'STD', name: 'Standaard', region: 'IB', loanPeriodDays: 21, maxRenewals: 2, maxLoans: 20 }],
    libraries: Array.from({ length: LIBRARIES }, (_, i) => ({
      isil: `BE-IMB${String(i).padStart(2, '0')}`,
      name: `Bibliotheek Importbank ${i}`,
      country: 'BE' as const,
      region: 'IB',
      branches: [{ code: 'HB', name: 'Hoofdbibliotheek' }],
    })),
    patrons: [],
  };
}

/** Patron i: a membership and a card at one of the libraries, the PIN as one of `hashes` or plain. */
function patron(i: number, pin: { hash: string } | { plain: string }, prefix = 'imb') {
  const library = `BE-IMB${String(i % LIBRARIES).padStart(2, '0')}`;
  const start = `2026-${String((i % 12) + 1).padStart(2, '0')}-01`;
  return {
    key: `${prefix}-${String(i).padStart(6, '0')}`,
    givenName: ['An', 'Bert', 'Carla', 'Dirk', 'Els', 'Frank'][i % 6]!,
    familyName: `Importbank${i}`,
    birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${(i % 9) + 1}-1${i % 10}`,
    email: `patron${i}@${prefix}.example.be`,
    memberships: [{ library, type: 'STD', start, end: `2027-${start.slice(5)}` }],
    cards: [
      {
        library,
        number: `2000${prefix === 'imb' ? '7' : '8'}${String(i).padStart(8, '0')}`,
        ...('hash' in pin ? { pinHash: pin.hash } : { pin: pin.plain }),
      },
    ],
  };
}

async function precomputedHashes(): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < DISTINCT_HASHES; i++) {
    const pin = String(1000 + i * 1111).slice(0, 4);
    out.push(
      i % 2 === 0
        ? await bcrypt.hash(pin, 10)
        : await argon2Hash(pin, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    );
  }
  return out;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - t) / 1000 };
}

async function main() {
  const [driver, where] = process.argv.slice(2) as ['pglite' | 'postgres', string];
  if ((driver !== 'pglite' && driver !== 'postgres') || !where) throw new Error('usage: bench/import.ts pglite DIR | postgres URL');
  const handle = await openDb(driver === 'pglite' ? { pgliteDir: where } : { url: where });
  try {
    await migrate(handle);
    const built = await timed(async () => {
      const hashes = await precomputedHashes();
      const doc = skeleton();
      for (let i = 0; i < PATRONS; i++) doc.patrons.push(patron(i, { hash: hashes[i % hashes.length]! }));
      return doc;
    });
    const doc = built.value;
    let rss = process.memoryUsage().rss;
    const run = async () => {
      const r = await timed(() => importNetwork(handle.db, doc, { today: TODAY }));
      if (!r.value.ok) throw new Error(`refused: ${r.value.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      rss = Math.max(rss, process.memoryUsage().rss);
      return { seconds: r.seconds, counts: r.value.counts };
    };
    const first = await run();
    console.error(`[import] ${driver}: first import of ${PATRONS} patrons in ${first.seconds.toFixed(1)} s`);
    const again = await run();
    console.error(`[import] ${driver}: re-import in ${again.seconds.toFixed(1)} s`);

    // Plain PINs: what the hashing costs when it must happen.
    await hashPin('0000');
    const bare = await timed(() => mapLimited(Array.from({ length: 64 }, (_, i) => String(2000 + i)), 8, hashPin));
    const plainDoc = skeleton();
    for (let i = 0; i < PLAIN; i++) plainDoc.patrons.push(patron(i, { plain: String(1000 + (i % 9000)) }, 'imp'));
    const plain = await timed(() => importNetwork(handle.db, plainDoc, { today: TODAY }));
    if (!plain.value.ok) throw new Error('plain-PIN document refused');
    const hashesPerSecond = PLAIN / plain.seconds;
    const result: ImportBenchResult = {
      driver,
      patrons: PATRONS,
      distinctHashes: DISTINCT_HASHES,
      buildSeconds: built.seconds,
      first,
      again,
      plain: {
        patrons: PLAIN,
        seconds: plain.seconds,
        hashesPerSecond,
        bareHashesPerSecond: 64 / bare.seconds,
        extrapolatedSeconds: PATRONS / hashesPerSecond,
      },
      rssMiB: rss / 2 ** 20,
    };
    console.log(`BENCH_JSON ${JSON.stringify(result)}`);
  } finally {
    await handle.close();
  }
}

await main();
