// Colours come from the theme (the `--color-*` tokens of app/globals.css, used as Tailwind classes
// such as `text-danger` or `bg-brand-soft`), never from a hex code in a class, so that one palette
// holds and its contrast is checked in one place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [rel] : [];
  });
}

describe('theme colours', () => {
  it('no hex colour in a class of components/ or app/', () => {
    const offenders = ['components', 'app'].flatMap(sourceFiles).flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/\[#[0-9a-fA-F]{3,8}\]/g)].map((m) => `${file}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the tokens the components use are in the theme', () => {
    const css = readFileSync(path.join(root, 'app/globals.css'), 'utf8');
    for (const token of ['danger', 'danger-strong', 'danger-soft', 'brand', 'brand-strong', 'brand-soft', 'accent', 'accent-soft', 'line', 'muted', 'surface']) {
      expect(css).toMatch(new RegExp(`--color-${token}: #[0-9a-f]{6};`));
    }
  });
});
