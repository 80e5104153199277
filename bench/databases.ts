// The bench's PostgreSQL databases (created and dropped on BENCH_ADMIN_URL) and its seeds.
import { createRequire } from 'node:module';
import path from 'node:path';
import postgres from 'postgres';
import { run } from './processes';
import { ADMIN_URL, log, TMP, type Env } from './settings';

const require = createRequire(import.meta.url);

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createDatabase(name: string): Promise<string> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return withDatabase(ADMIN_URL, name);
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

export async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`show server_version`;
    return String(row!.server_version);
  } finally {
    await sql.end();
  }
}

export function seed(scale: number, env: Env, what: string): number {
  const t = Date.now();
  log(`seeding ${what} (--scale ${scale})`);
  run(process.execPath, [require.resolve('tsx/cli'), 'db/seed/cli.ts', '--scale', String(scale)], env, path.join(TMP, 'seed.log'));
  const seconds = (Date.now() - t) / 1000;
  log(`seeded ${what} in ${seconds.toFixed(0)} s`);
  return seconds;
}
