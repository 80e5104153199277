// `npm run db:changes-json-schema`: regenerates docs/changes-format.schema.json from the zod schema.
// Run it after changing db/export/changes-schema.ts; json-schema.test.ts fails until you do.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANGES_JSON_SCHEMA_PATH, changesJsonSchemaText } from './json-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
writeFileSync(path.join(root, CHANGES_JSON_SCHEMA_PATH), changesJsonSchemaText());
console.log(`wrote ${CHANGES_JSON_SCHEMA_PATH}`);
