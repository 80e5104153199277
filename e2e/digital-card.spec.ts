// The digital library card end to end: a family account's page shows a barcode of each card with
// the library and the kind under it, axe finds nothing, the manifest is linked and served, the
// service worker registers for the card page only, and with the network gone a reload of the page
// still shows the card — the copy the worker kept (the CSP nonce proves it is not a fresh one).
// Sign-out drops that copy; no card number reaches the server's log.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { todayInBrussels, addDays } from '../lib/domain/dates';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { E2E_SERVER_LOG } from './support/server-log';
import { signIn } from './support/sign-in';

const PASSWORD = 'digitale-pas-wachtwoord';
const CACHE = 'library-card-v1';

function scenario() {
  const s = Math.random().toString(36).slice(2, 7).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
  const low = s.toLowerCase();
  const today = todayInBrussels(new Date());
  const region = `DC${s}`;
  const isil = { zot: `BE-DCZ${s}`, gnt: `BE-DCG${s}` };
  const names = { zot: `Bibliotheek Zottegem DC${s}`, gnt: `Bibliotheek Gent DC${s}` };
  const key = (k: string) => `dc-${k}-${low}`;
  const membership = (library: string, type: string) => ({ library, type, start: addDays(today, -100), end: addDays(today, 300), autoRenew: false });
  const document = {
    format: 'mijn-bibliotheek/network@1' as const,
    regions: [{ code: region, name: `Regio Digitale Pas ${s}`, kind: '3b', feeBlockThresholdCents: 500 }],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
      { code: 'STAD', name: 'Stadspas', library: isil.gnt, loanPeriodDays: 14, maxRenewals: 5, maxLoans: 10 },
    ],
    libraries: [
      { isil: isil.zot, name: names.zot, country: 'BE', region, branches: [{ code: '3550', name: 'Zottegem' }] },
      { isil: isil.gnt, name: names.gnt, country: 'BE', branches: [{ code: '9000', name: 'De Krook' }] },
    ],
    patrons: [
      {
        key: key('an'), givenName: 'An', familyName: 'Digitaal',
        memberships: [membership(isil.zot, 'VOLW'), membership(isil.gnt, 'STAD')],
        guestMemberships: [],
        cards: [
          // A Wise number that is a valid EAN-13, and a national register number (Code 128).
          { library: isil.zot, number: '2000123456782', pin: null },
          { library: isil.gnt, number: '85.07.30-033.28', pin: null },
        ],
      },
      {
        key: key('lien'), givenName: 'Lien', familyName: 'Digitaal',
        memberships: [membership(isil.gnt, 'STAD')],
        guestMemberships: [],
        cards: [{ library: isil.gnt, number: 'A1234567', pin: null }],
      },
    ],
    accounts: [{ username: `digicard-${low}`, email: `digicard-${low}@example.be`, password: PASSWORD, patrons: [key('an'), key('lien')] }],
  };
  return {
    document,
    user: `digicard-${low}`,
    cards: [
      { value: '2000123456782', library: names.zot, kind: 'Bibliotheekpas' },
      { value: '85073003328', library: names.gnt, kind: 'Elektronische identiteitskaart (eID)' },
      { value: 'A1234567', library: names.gnt, kind: 'A-kaart' },
    ],
  };
}

async function expectCards(page: Page, cards: ReturnType<typeof scenario>['cards']) {
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn bibliotheekpas' })).toBeVisible();
  for (const card of cards) {
    const barcode = page.getByRole('img', { name: `Streepjescode van je pas bij ${card.library}: ${card.kind}` });
    await expect(barcode).toBeVisible();
    // Big enough to scan: at least 3 CSS px per module on a desktop screen.
    expect((await barcode.boundingBox())!.width).toBeGreaterThan(250);
    const section = page.locator('article').filter({ has: barcode });
    await expect(section).toContainText(card.value);
    await expect(section).toContainText(`${card.library} · ${card.kind}`);
  }
  await expect(page.getByRole('img', { name: /^Streepjescode van je pas/ })).toHaveCount(cards.length);
}

test('the digital card: barcodes with their labels, manifest, a worker for this page only, offline reload', async ({ page, context, checkA11y, consoleErrors, baseURL }) => {
  const s = scenario();
  await importScenario(page.request, s.document);
  await signIn(page, s.user, PASSWORD);

  // The header links the page.
  await page.goto('/overview');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn pas' }).click();
  await expect(page).toHaveURL(/\/library-card$/);
  await page.reload();
  await expectCards(page, s.cards);
  await expect(page.getByText('Pas van Lien Digitaal')).toBeVisible();
  await checkA11y({ label: 'digital card' });

  // The manifest: linked from this page, served, pointing at this page, with its icons.
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = await page.request.get(href!);
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { start_url: string; scope: string; display: string; icons: { src: string; sizes: string }[] };
  expect(body).toMatchObject({ start_url: '/library-card', scope: '/library-card', display: 'standalone' });
  expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of body.icons) expect((await page.request.get(icon.src)).headers()['content-type']).toBe('image/png');

  // The service worker: registered with the card page's scope, controlling it, and its copy kept.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${baseURL}/library-card`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cachedNonce = await page.waitForFunction(async (name) => {
    const cached = await (await caches.open(name)).match('/library-card');
    return cached ? /nonce="([^"]+)"/.exec(await cached.text())?.[1] ?? null : null;
  }, CACHE);
  const nonce = (await cachedNonce.jsonValue())!;

  // Offline: the reload still shows every card, from the worker's copy.
  consoleErrors.allowed.push(/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/);
  await context.setOffline(true);
  await page.reload();
  await expectCards(page, s.cards);
  expect(await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce)).toBe(nonce);
  await context.setOffline(false);

  // Online again: the network's page (a fresh nonce), and no other page of the portal is controlled.
  await page.reload();
  await expectCards(page, s.cards);
  expect(await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce)).not.toBe(nonce);
  await page.goto('/overview');
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope))).toEqual([
    `${baseURL}/library-card`,
  ]);

  // Sign-out drops the offline copy.
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('library-card-')))).toEqual([]);

  // Whole on the page, never in the server's log (the page's and the worker's requests included).
  const log = readFileSync(E2E_SERVER_LOG, 'utf8');
  expect(log).toContain('/library-card');
  for (const card of s.cards) expect(log).not.toContain(card.value);
  expect(log).not.toContain('85.07.30-033.28');
});
