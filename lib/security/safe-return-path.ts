// Where the portal may send a browser after sign-in: only a path of this site.
// Every redirect target that comes from outside (`?next=`, a form's hidden `next`, next-auth's
// callbackUrl) goes through safeReturnPath; anything else — another origin, a protocol-relative
// form (`//`, `/\`, `/<tab>/` which the URL parser turns into `//`), a control character, a
// backslash, or any of these percent-encoded — falls back to the overview. Pure: the origin is a
// parameter and nothing is read from the environment.

/** Where a refused or missing return path goes. */
export const DEFAULT_RETURN_PATH = '/overview';

const MAX_LENGTH = 2048;
/** A stand-in origin to resolve against when the caller has none (only same-origin matters). */
const PLACEHOLDER_ORIGIN = 'https://portal.invalid';
// C0 controls (tab, newline, …), DEL and C1 controls: the URL parser drops some of them silently.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The layers of a string under repeated percent-decoding, or null when one does not decode. */
function decodedLayers(value: string): string[] | null {
  const layers = [value];
  let current = value;
  for (let i = 0; i < 4 && current.includes('%'); i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) break;
    layers.push(next);
    current = next;
  }
  return layers;
}

function looksSafe(layer: string): boolean {
  return !CONTROL.test(layer) && !layer.includes('\\') && !layer.startsWith('//');
}

/**
 * A same-origin path (with query and fragment) for `candidate`, or `/overview`.
 * `origin` (e.g. next-auth's baseUrl) also lets an absolute URL of this very origin through.
 */
export function safeReturnPath(candidate: unknown, options: { origin?: string } = {}): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_LENGTH) return DEFAULT_RETURN_PATH;
  let origin = PLACEHOLDER_ORIGIN;
  let path = candidate;
  if (options.origin) {
    try {
      origin = new URL(options.origin).origin;
    } catch {
      return DEFAULT_RETURN_PATH;
    }
    if (!candidate.startsWith('/')) {
      // Only an absolute URL of our own origin, written plainly (no controls or backslashes).
      if (CONTROL.test(candidate) || candidate.includes('\\')) return DEFAULT_RETURN_PATH;
      let absolute: URL;
      try {
        absolute = new URL(candidate);
      } catch {
        return DEFAULT_RETURN_PATH;
      }
      if (absolute.origin !== origin || absolute.username || absolute.password) return DEFAULT_RETURN_PATH;
      path = absolute.pathname + absolute.search + absolute.hash;
    }
  }
  if (!path.startsWith('/')) return DEFAULT_RETURN_PATH;
  const layers = decodedLayers(path);
  if (!layers || !layers.every(looksSafe)) return DEFAULT_RETURN_PATH;
  let resolved: URL;
  try {
    resolved = new URL(path, origin);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (resolved.origin !== origin) return DEFAULT_RETURN_PATH;
  const result = resolved.pathname + resolved.search + resolved.hash;
  // Belt and braces: what we hand out must itself be a plain same-origin path.
  return result.startsWith('/') && !result.startsWith('//') ? result : DEFAULT_RETURN_PATH;
}

/**
 * Where sign-in continues: a safe return path, except that the public home page and the sign-in
 * page itself (a loop) mean the overview.
 */
export function afterSignInPath(candidate: unknown): string {
  const path = safeReturnPath(candidate);
  if (path === '/' || path.startsWith('/?') || path.startsWith('/#') || /^\/login(?:[/?#]|$)/.test(path)) return DEFAULT_RETURN_PATH;
  return path;
}
