// DATABASE_REPLICA_URL (lib/env.ts, db/client.ts): a replica only beside a PostgreSQL primary; without
// one, no replica is configured and every read is the primary's (nothing changes). DATABASE_PREPARE
// (db/prepared.ts) holds for the primary and the replica alike.
import { afterEach, describe, expect, it } from 'vitest';
import { env, resetEnvForTests } from '@/lib/env';
import { configuredDbOptions, configuredReplicaOptions, hasReplica } from './client';

const KEYS = ['DATABASE_URL', 'DATABASE_REPLICA_URL', 'DATABASE_REPLICA_TIMEOUT_MS', 'DATABASE_PREPARE', 'PGLITE_DIR'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function withEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  resetEnvForTests();
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvForTests();
});

const PRIMARY = 'postgres://app@db-primary:5432/mb';
const REPLICA = 'postgres://reader@db-replica:5432/mb';

describe('database and replica configuration', () => {
  it.each([
    ['neither: PGlite, no replica', {}, null],
    ['a primary alone: no replica', { DATABASE_URL: PRIMARY }, null],
    ['primary and replica', { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: REPLICA }, { url: REPLICA, prepare: true, connectTimeoutSeconds: 2 }],
    ['an empty replica URL counts as unset', { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: '' }, null],
    ['the connect timeout follows the read timeout, in whole seconds', { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: REPLICA, DATABASE_REPLICA_TIMEOUT_MS: '2500' }, { url: REPLICA, prepare: true, connectTimeoutSeconds: 3 }],
    ['a short read timeout still waits a second to connect', { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: REPLICA, DATABASE_REPLICA_TIMEOUT_MS: '300' }, { url: REPLICA, prepare: true, connectTimeoutSeconds: 1 }],
    ['DATABASE_PREPARE=off: the replica sends its statements unprepared too', { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: REPLICA, DATABASE_PREPARE: 'off' }, { url: REPLICA, prepare: false, connectTimeoutSeconds: 2 }],
  ])('%s', (_name, values, expected) => {
    withEnv(values);
    expect(configuredReplicaOptions()).toEqual(expected);
    expect(hasReplica()).toBe(expected !== null);
  });

  it.each([
    ['PGlite: its folder, nothing to prepare', { PGLITE_DIR: '.data/x' }, { pgliteDir: '.data/x' }],
    ['PostgreSQL: statements prepared by default', { DATABASE_URL: PRIMARY }, { url: PRIMARY, prepare: true }],
    ['PostgreSQL with DATABASE_PREPARE=off (a pooler that loses prepared statements)', { DATABASE_URL: PRIMARY, DATABASE_PREPARE: 'off' }, { url: PRIMARY, prepare: false }],
  ])('primary: %s', (_name, values, expected) => {
    withEnv(values);
    expect(configuredDbOptions()).toEqual(expected);
  });

  it.each([
    ['DATABASE_PREPARE that is neither on nor off', { DATABASE_URL: PRIMARY, DATABASE_PREPARE: 'yes' }, /DATABASE_PREPARE/],
    ['a replica without a primary (PGlite has none)', { DATABASE_REPLICA_URL: REPLICA }, /DATABASE_REPLICA_URL needs DATABASE_URL/],
    ['a replica URL that is no URL', { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: 'replica-host' }, /DATABASE_REPLICA_URL/],
    ['a timeout below 50 ms', { DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: REPLICA, DATABASE_REPLICA_TIMEOUT_MS: '10' }, /DATABASE_REPLICA_TIMEOUT_MS/],
  ])('refuses %s', (_name, values, message) => {
    withEnv(values);
    expect(() => env()).toThrow(message);
  });
});
