// The checked-in JSON Schema is generated, never edited: it must equal what the generator makes
// from the zod schema now (fix a failure with `npm run db:json-schema`). No database involved.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_PATH, networkJsonSchemaText } from './json-schema';
import { networkFixture } from '@/test/scenarios/network-fixture';
import { FORMAT } from './schema';

describe('docs/import-format.schema.json', () => {
  const root = path.resolve(import.meta.dirname, '../..');

  it('equals what `npm run db:json-schema` generates from the zod schema', () => {
    expect(readFileSync(path.join(root, JSON_SCHEMA_PATH), 'utf8')).toBe(networkJsonSchemaText());
  });

  it('describes the format: the literal, strict objects, the top-level sections', () => {
    const schema = JSON.parse(networkJsonSchemaText());
    expect(schema.properties.format.const).toBe(FORMAT);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format']);
    // The fixture has every section; `exportedAt` is the one optional scalar it leaves out.
    expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(networkFixture()), 'exportedAt'].sort());
    expect(schema.properties.exportedAt.anyOf?.[0]?.format ?? schema.properties.exportedAt.format).toBe('date-time');
  });
});
