// The digital card's barcodes read back by a real barcode reader: each card kind's number drawn as
// PNG by bwip-js with the page's own drawing options (lib/domain/card-barcode), decoded by zbarimg
// (Debian's zbar-tools; .ci/run installs it), must give the number back exactly — check digits,
// quiet zones and all. The page draws the same options as SVG (cardBarcodeSvg).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import bwipjs from 'bwip-js/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barcodeDrawing } from '@/lib/domain/card-barcode';
import { classifyCardNumber } from '@/lib/domain/card-number';
import { cardBarcodeSvg } from './card-barcode';

const ZBARIMG = '/usr/bin/zbarimg';
const run = promisify(execFile);
let dir = '';

beforeAll(async () => {
  if (!existsSync(ZBARIMG)) throw new Error(`${ZBARIMG} is missing: apt-get install zbar-tools (.ci/run does)`);
  dir = await mkdtemp(join(tmpdir(), 'card-barcode-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function decode(value: string, file: string): Promise<string> {
  const drawing = barcodeDrawing(value);
  if (!drawing) throw new Error(`no drawing for ${value}`);
  const path = join(dir, file);
  await writeFile(path, await bwipjs.toBuffer(drawing));
  const { stdout } = await run(ZBARIMG, ['--raw', '-q', path]);
  return stdout.replace(/\n$/, '');
}

describe('digital card: every card kind decodes to its number (zbarimg)', () => {
  it.each([
    ['wise', '2000123456789', 'code128'],
    ['wise', '2000123456782', 'ean13'],
    ['eid', '85073003328', 'code128'],
    ['uitpas', '4006381333931', 'ean13'],
    ['uitpas', '5412345678908', 'ean13'],
    ['akaart', 'A1234567', 'code128'],
    ['other', 'OUD0042', 'code128'],
    ['other', 'oud42x', 'code128'],
  ] as const)('%s %s (%s)', async (kind, value, symbology) => {
    expect(classifyCardNumber(value)).toBe(kind);
    expect(barcodeDrawing(value)?.bcid).toBe(symbology);
    expect(await decode(value, `${kind}-${value}.png`)).toBe(value);
  });
});

describe('digital card: the SVG the page shows', () => {
  it('bars only, hidden behind the labelled wrapper, as wide as its modules at 3 px', () => {
    const drawn = cardBarcodeSvg('2000123456789')!;
    expect(drawn.svg).toMatch(/^<svg aria-hidden="true" focusable="false" shape-rendering="crispEdges"/);
    expect(drawn.svg).not.toMatch(/<script|<a |href=|on\w+=/i);
    // 13 digits in Code 128: 123 modules and 2 × 10 of quiet zone, 3 px each.
    expect(drawn.width).toBe(143 * 3);
  });
  it('nothing for a number no symbology takes', () => {
    expect(cardBarcodeSvg('Ø1')).toBeNull();
  });
});
