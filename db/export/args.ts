// The arguments of `npm run db:export-changes`, checked with zod (wrong usage: exit 2 in cli.ts).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatPath } from '../import/errors';
import { isil } from './changes-schema';

export const USAGE = [
  'usage: npm run db:export-changes -- --library ISIL [--since TIMESTAMP] [--out FILE]',
  '       npm run db:export-changes -- --ack FILE [--library ISIL]',
  '  TIMESTAMP: ISO 8601, e.g. 2026-11-29T21:00:00Z, 2026-11-29T22:00:00+01:00 or 2026-11-29 (midnight UTC)',
].join('\n');

/** A moment: an ISO date-time with Z or an offset, or a date (midnight UTC). */
const timestamp = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 timestamp with Z or an offset (2026-11-29T21:00:00Z) or a date (2026-11-29)',
  })
  .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v));

const file = z.string().min(1, { error: 'needs a file name' });

const exportArgs = z.strictObject({ library: isil, since: timestamp.optional(), out: file.optional() });
const ackArgs = z.strictObject({ ack: file, library: isil.optional() });

export type Command = { mode: 'export' } & z.infer<typeof exportArgs> | { mode: 'ack' } & z.infer<typeof ackArgs>;

/** The command the arguments ask for, or a message for wrong usage. */
export function parseCommand(args: readonly string[]): { ok: true; command: Command } | { ok: false; message: string } {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: args.filter((a) => a !== '--'),
      options: { library: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' }, ack: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (given.ack !== undefined) {
    for (const option of ['since', 'out']) {
      if (given[option] !== undefined) return { ok: false, message: `--${option} does not go with --ack` };
    }
    const parsed = ackArgs.safeParse(given);
    return parsed.success ? { ok: true, command: { mode: 'ack', ...parsed.data } } : { ok: false, message: describe(parsed.error) };
  }
  if (given.library === undefined) return { ok: false, message: 'either --library ISIL (export) or --ack FILE is required' };
  const parsed = exportArgs.safeParse(given);
  return parsed.success ? { ok: true, command: { mode: 'export', ...parsed.data } } : { ok: false, message: describe(parsed.error) };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `--${formatPath(i.path)}: ${i.message}`).join('\n');
}

