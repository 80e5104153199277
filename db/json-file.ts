// Reading a JSON document from a file for the importer and the change acknowledgement: an
// unreadable file or broken JSON is reported like any other error of the document, at `(file)`.
import { readFile } from 'node:fs/promises';

export type JsonFileResult = { ok: true; input: unknown } | { ok: false; errors: { path: string; message: string }[] };

export async function readJsonFile(file: string): Promise<JsonFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, errors: [{ path: '(file)', message: `cannot read ${file}${code ? ` (${code})` : ''}` }] };
  }
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch (error) {
    // V8's message names the position, e.g. "Unexpected token } in JSON at position 42".
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}
