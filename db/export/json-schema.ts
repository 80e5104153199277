// The JSON Schema of the changes format, generated from the zod schema (changes-schema.ts) so the
// two cannot disagree. It describes what the portal writes (`io: 'output'`), which is what a
// library system reads and what `--ack` accepts back.
import { z } from 'zod';
import { changesDocumentSchema } from './changes-schema';

export const CHANGES_JSON_SCHEMA_PATH = 'docs/changes-format.schema.json';

/** The file's exact text: pretty-printed, newline at the end. */
export function changesJsonSchemaText(): string {
  const schema = z.toJSONSchema(changesDocumentSchema, { io: 'output', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
