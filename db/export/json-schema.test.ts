// The checked-in JSON Schema of the changes format is generated, never edited: it must equal what
// the generator makes from the zod schema now (fix a failure with `npm run db:changes-json-schema`).
// No database involved; the export's own documents are checked against it in export-changes.db.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGES_FORMAT, portalChangeSchema } from './changes-schema';
import { CHANGES_JSON_SCHEMA_PATH, changesJsonSchemaText } from './json-schema';

describe('docs/changes-format.schema.json', () => {
  const root = path.resolve(import.meta.dirname, '../..');

  it('equals what `npm run db:changes-json-schema` generates from the zod schema', () => {
    expect(readFileSync(path.join(root, CHANGES_JSON_SCHEMA_PATH), 'utf8')).toBe(changesJsonSchemaText());
  });

  it('describes the format: the literal, strict objects, one closed shape per kind', () => {
    const schema = JSON.parse(changesJsonSchemaText());
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format.const).toBe(CHANGES_FORMAT);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(['changes', 'exportedAt', 'format', 'library', 'since']);
    const kinds = schema.properties.changes.items.oneOf as { properties: { kind: { const: string } }; additionalProperties: boolean; required: string[] }[];
    expect(kinds.map((k) => k.properties.kind.const)).toEqual(portalChangeSchema.options.map((o) => o.shape.kind.value));
    for (const kind of kinds) {
      expect(kind.additionalProperties).toBe(false);
      expect(kind.required.slice(0, 5)).toEqual(['id', 'kind', 'at', 'patron', 'card']);
    }
  });
});
