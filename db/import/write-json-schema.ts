// `npm run db:json-schema`: regenerates docs/import-format.schema.json from the zod schema.
// Run it after changing db/import/schema.ts; json-schema.test.ts fails until you do.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_PATH, networkJsonSchemaText } from './json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
writeFileSync(path.join(root, JSON_SCHEMA_PATH), networkJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
