import 'server-only';
// Which unique constraint a write ran into, if any: a race the earlier check could not see (two
// activations with one username at once) becomes the same typed answer as the check's.
export function uniqueViolation(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const fields = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (fields.code === '23505') return String(fields.constraint ?? fields.constraint_name ?? '');
    e = fields.cause;
  }
  return null;
}
