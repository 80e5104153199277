// First-load JS per route, gzip, from a production build in .next (Turbopack or webpack): the
// root main files every page loads (build-manifest.json rootMainFiles) plus, for each app route,
// every entry chunk its client reference manifest names (layouts, the page, its error and
// not-found boundaries). Each chunk is counted once per route, gzipped at level 9 as a CDN would.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';

export interface RouteJs {
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

function manifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return manifests(full);
    return name.endsWith('_client-reference-manifest.js') ? [full] : [];
  });
}

/** `/(portal)/cards/[card]/loans/page` → `/cards/[card]/loans`. */
function routeOf(key: string): string {
  const route = key.replace(/\/page$/, '').replace(/\/route$/, '').replace(/\/\([^)]+\)/g, '');
  return route === '' ? '/' : route;
}

export function firstLoadJs(nextDir = '.next'): RouteJs[] {
  const build = JSON.parse(readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const root = build.rootMainFiles ?? [];
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    const rel = file.replace(/^\/?_next\//, '');
    let s = sizes.get(rel);
    if (!s) {
      const content = readFileSync(path.join(nextDir, rel));
      s = { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
      sizes.set(rel, s);
    }
    return s;
  };
  const out: RouteJs[] = [];
  for (const file of manifests(path.join(nextDir, 'server', 'app'))) {
    const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(file, 'utf8'), sandbox);
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (!key.endsWith('/page')) continue;
      const chunks = new Set([...root, ...Object.values(manifest.entryJSFiles ?? {}).flat()].filter((f) => f.endsWith('.js')));
      let raw = 0;
      let gzip = 0;
      for (const chunk of chunks) {
        const s = sizeOf(chunk);
        raw += s.raw;
        gzip += s.gzip;
      }
      out.push({ route: routeOf(key), files: chunks.size, rawBytes: raw, gzipBytes: gzip });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of firstLoadJs()) console.log(`${r.route.padEnd(40)} ${(r.gzipBytes / 1024).toFixed(1).padStart(7)} kB gzip  (${r.files} files)`);
}
