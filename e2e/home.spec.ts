// The public home page: the network from the database, both languages, accessibility, keyboard.
import { E2E_SCENARIO_HEADER } from './support/config';
import { expect, test } from './support/fixtures';
import { importScenario, smallNetwork } from './support/scenario';

/** A scenario of this test's own (keys derived from its id), imported through the importer. */
async function ownScenario(request: Parameters<typeof importScenario>[0]) {
  const suffix = test.info().testId.replace(/[^a-z0-9]/gi, '').slice(0, 6);
  const document = smallNetwork(suffix);
  await importScenario(request, document);
  const s = suffix.toUpperCase();
  return {
    region: `Regio E2E ${s}`,
    library: `Bibliotheek E2E ${s}`,
    branch: `9999 E2E ${s}`,
    guestLibrary: `Bibliotheek Gastlenen E2E ${s}`,
  };
}

test('shows the network from the database: regions, libraries, branches, guest lending', async ({ page, request, checkA11y }) => {
  const scenario = await ownScenario(request);
  await page.goto('/');

  await expect(page).toHaveTitle('Mijn Bibliotheek');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Eén login, alle bibliotheken van je regio' })).toBeVisible();

  const region = page.getByRole('region', { name: scenario.region });
  await expect(region.getByRole('heading', { level: 3, name: scenario.region })).toBeVisible();
  await expect(region.getByText('Geen transport tussen bibliotheken', { exact: false })).toBeVisible();
  await expect(region.getByRole('heading', { level: 4, name: scenario.library })).toBeVisible();
  await expect(region.getByRole('listitem').filter({ hasText: new RegExp(`^${scenario.branch}$`) })).toBeVisible();

  const guest = page.getByRole('region', { name: 'Landelijk lenen in Nederland' });
  await expect(guest.getByRole('heading', { level: 3, name: scenario.guestLibrary })).toBeVisible();

  await checkA11y({ label: 'home, nl' });
});

// The e2e server seeds the demo network (db/seed/demo.ts) at start, as `npm start` does.
test('shows the demo network', async ({ page }) => {
  await page.goto('/');
  // Exact names: other specs import regions of their own with the same name and a suffix.
  const region = page.getByRole('region', { name: 'Regio Zottegem-Oosterzele', exact: true });
  await expect(region.getByRole('heading', { level: 3, name: 'Regio Zottegem-Oosterzele', exact: true })).toBeVisible();
  await expect(region.getByText('Type 3b')).toBeVisible();
  await expect(region.getByRole('listitem').filter({ hasText: /^3550 Zottegem$/ })).toBeVisible();
});

test('switches to English with the keyboard, and the choice persists', async ({ page, request, checkA11y }) => {
  const scenario = await ownScenario(request);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  const english = page.getByRole('button', { name: 'English' });
  await english.focus();
  await page.keyboard.press('Enter');

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'One login, every library of your region' })).toBeVisible();
  await expect(page.getByRole('region', { name: scenario.region }).getByText('No transport between libraries', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-current', 'true');
  await checkA11y({ label: 'home, en' });

  // Persists: a reload and a new page of the same browser context stay English.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { level: 1, name: 'One login, every library of your region' })).toBeVisible();
  await other.close();

  // And back.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Eén login, alle bibliotheken van je regio' })).toBeVisible();
});

test.describe('with an English browser and no cookie', () => {
  test.use({ locale: 'en-GB' });

  test('follows Accept-Language', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
  });
});

test('fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('home-360.png'), fullPage: true });
});

test('Tab reaches the skip link first, and it moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('an unknown page answers 404 with a translated page', async ({ page, consoleErrors, checkA11y }) => {
  // The browser itself logs the 404 of the document as a console error.
  consoleErrors.allowed.push(/404/);
  const response = await page.goto('/bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await checkA11y({ label: '404, nl' });
});

test('the scenario endpoint wants its token', async ({ request }) => {
  const wrong = await request.post('/api/test/scenario', {
    headers: { [E2E_SCENARIO_HEADER]: 'wrong-token-wrong-token' },
    data: { format: 'mijn-bibliotheek/network@1' },
  });
  expect(wrong.status()).toBe(403);
  expect((await request.get('/api/test/scenario')).status()).toBe(404);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the language switcher still works (a plain form post)', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // Only the shell: without JavaScript the streamed page content (app/loading.tsx) is not swapped in.
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
  });
});
