// The private calendar feed end to end: in account settings the patron creates the link (shown
// once, in a labelled read-only field, with a copy button), the feed is fetched with the page's
// request context and read by an independent ICS parser (ical.js), the request line in the
// server's log masks the secret, and after revoking the link it answers 404. The page is axe-clean
// in each state. The card scenario is the integration tests' (test/scenarios/cards.ts).
import { readFileSync } from 'node:fs';
import { todayInBrussels } from '../lib/domain/dates';
import { cardScenario, SCENARIO_PASSWORD } from '../test/scenarios/cards';
import { parseIcs } from '../test/support/parse-ics';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { E2E_SERVER_LOG } from './support/server-log';
import { signIn } from './support/sign-in';

test('create the calendar link, copy it, subscribe (parse the feed), revoke it → 404', async ({ page, checkA11y }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const scenario = cardScenario(suffix, todayInBrussels(new Date()));
  await importScenario(page.request, scenario.document);
  await signIn(page, scenario.users.family, SCENARIO_PASSWORD);

  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Agenda', exact: true });
  await expect(section).toContainText('Je hebt nog geen agendalink.');
  await checkA11y({ label: 'account settings, no calendar link' });

  await section.getByRole('button', { name: 'Agendalink maken' }).click();
  const field = section.getByLabel('Je agendalink');
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  await expect(field).toHaveAttribute('readonly', '');
  const url = await field.inputValue();
  const token = url.split('/').pop()!;
  await checkA11y({ label: 'account settings, calendar link shown' });

  // Copy: the clipboard gets exactly the field's link.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await section.getByRole('button', { name: 'Kopieer de link' }).click();
  await expect(section.getByRole('status')).toHaveText('De link is gekopieerd.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // Subscribe: the feed, read by ical.js.
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(response.headers()['cache-control']).toContain('no-store');
  const calendar = parseIcs(await response.text());
  expect(calendar.version).toBe('2.0');
  const summaries = calendar.events.map((e) => e.summary);
  expect(summaries).toContain(`Inleveren: ‘Kuifje in Tibet’ (${scenario.names.zottegem})`);
  expect(summaries).toContain('Afhalen tot vandaag: ‘Het gouden ei’ (Oosterzele)');
  expect(calendar.events.every((e) => e.allDay && e.stampIsUtc && /^(loan|reservation)-\d+@mijn-bibliotheek$/.test(e.uid))).toBe(true);
  expect(new Set(calendar.events.map((e) => e.uid)).size).toBe(calendar.events.length);

  // The secret never reaches the server's log: the request line names the route only.
  await expect.poll(() => readFileSync(E2E_SERVER_LOG, 'utf8').includes('/api/calendar/[token]')).toBe(true);
  expect(readFileSync(E2E_SERVER_LOG, 'utf8')).not.toContain(token);

  // Back later: the link cannot be shown again, only that it works, and it can be revoked.
  await page.reload();
  await expect(section).toContainText('Je agendalink werkt sinds');
  await expect(section.getByLabel('Je agendalink')).toHaveCount(0);
  await section.getByRole('button', { name: 'Agendalink intrekken' }).click();
  await expect(section.getByRole('status')).toHaveText('De agendalink is ingetrokken: hij werkt niet meer.');
  await expect(section.getByRole('button', { name: 'Agendalink maken' })).toBeVisible();
  await checkA11y({ label: 'account settings, calendar link revoked' });

  const revoked = await page.request.get(url);
  expect(revoked.status()).toBe(404);
  expect(await revoked.text()).toBe('Not Found');
  // The same answer as a secret that never existed.
  const unknown = await page.request.get(url.replace(/[^/]+$/, 'A'.repeat(43)));
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toBe('Not Found');
});
