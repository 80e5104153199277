// The digital library card's service worker: registered by that page only
// (components/card/register-card-worker.tsx), with the scope `/library-card`, so it controls that
// page and nothing else of the portal. It keeps the page's HTML and the files the page needs, so
// the card still shows at the desk without a connection:
// - the page: network first (a fresh card whenever online), the cached copy when the network fails;
//   when the network answers with a redirect (signed out: to sign-in) the cached copy is dropped, so
//   a signed-out browser no longer shows the card;
// - Next.js's build files (`/_next/static/…`, content-hashed, never change): cache first;
// - the manifest and its icons: network first.
// Install fetches the page and the build files it names, so the card works offline even when the
// page was opened by a client-side navigation; the page asks for a refresh on every visit ('refresh').
const CACHE = 'library-card-v1';
const PAGE = '/library-card';
const STATIC = '/_next/static/';
const EXTRAS = ['/manifest.webmanifest', '/card-icon-192.png', '/card-icon-512.png', '/card-icon-maskable-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(refreshPage().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('library-card-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'refresh') event.waitUntil(refreshPage().catch(() => undefined));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith(STATIC)) {
    event.respondWith(cacheFirst(request));
  } else if (EXTRAS.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});

/** The card page: the network's answer when there is one, else the cached page. */
async function page(request) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch {
    return (await cache.match(PAGE, { ignoreVary: true, ignoreSearch: true })) ?? Response.error();
  }
  if (response.type === 'opaqueredirect' || response.redirected) {
    // Sign-in needed: this browser must no longer show the card.
    await cache.delete(PAGE, { ignoreVary: true, ignoreSearch: true });
    return response;
  }
  if (response.ok) {
    await cache.put(PAGE, response.clone());
    return response;
  }
  // A server error: the card as last seen beats an error page at the desk.
  return (await cache.match(PAGE, { ignoreVary: true, ignoreSearch: true })) ?? response;
}

/** Fetches the page (signed in: the browser's cookies go along) and the build files it names. */
async function refreshPage() {
  const cache = await caches.open(CACHE);
  const response = await fetch(PAGE, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' });
  if (response.type === 'opaqueredirect' || !response.ok) {
    if (response.type === 'opaqueredirect') await cache.delete(PAGE, { ignoreVary: true, ignoreSearch: true });
    return;
  }
  const html = await response.clone().text();
  await cache.put(PAGE, response);
  const assets = new Set(EXTRAS);
  for (const match of html.matchAll(/\/_next\/static\/[^"'\s)\\]+/g)) assets.add(match[0]);
  await Promise.all(
    [...assets].map(async (path) => {
      if (path.startsWith(STATIC) && (await cache.match(path))) return;
      try {
        const asset = await fetch(path, { credentials: 'same-origin' });
        if (asset.ok) await cache.put(path, asset);
      } catch {
        // One missing file does not stop the rest.
      }
    }),
  );
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request, { ignoreSearch: true })) ?? Response.error();
  }
}
