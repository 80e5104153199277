// The JSON Schema of the format, generated from the zod schema (schema.ts) so the two cannot
// disagree. It describes what a writer may write (`io: 'input'`: fields with a default are
// optional). It cannot express the rules between records (references, uniqueness, dates in order);
// those are in docs/import-format.md and validate.ts.
import { z } from 'zod';
import { networkDocumentSchema } from './schema';

export const JSON_SCHEMA_PATH = 'docs/import-format.schema.json';

/** The file's exact text: pretty-printed, newline at the end. */
export function networkJsonSchemaText(): string {
  const schema = z.toJSONSchema(networkDocumentSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
