// The personal read-only API end to end: in account settings the patron creates a named token
// (shown once, in a labelled read-only field), calls GET /api/v1/loans with it from the page's
// request context, finds it listed, revokes it, and the same call answers 401 with
// WWW-Authenticate: Bearer. The token never reaches the server's log. axe-clean in each state.
import { readFileSync } from 'node:fs';
import { todayInBrussels } from '../lib/domain/dates';
import { cardScenario, SCENARIO_PASSWORD } from '../test/scenarios/cards';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { E2E_SERVER_LOG } from './support/server-log';
import { signIn } from './support/sign-in';

test('create an API token, read /api/v1/loans with it, revoke it → 401', async ({ page, checkA11y }) => {
  // Three axe passes and a build's first requests on a shared machine: more than the default 30 s.
  test.setTimeout(90_000);
  const suffix = Math.random().toString(36).slice(2, 7);
  const scenario = cardScenario(suffix, todayInBrussels(new Date()));
  await importScenario(page.request, scenario.document);
  await signIn(page, scenario.users.family, SCENARIO_PASSWORD);

  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Persoonlijke API', exact: true });
  await expect(section).toContainText('Je hebt geen sleutels.');
  await checkA11y({ label: 'account settings, no API token' });

  await section.getByLabel('Naam van de sleutel').fill('Mijn script');
  await section.getByRole('button', { name: 'Sleutel maken' }).click();
  const field = section.getByLabel('Je nieuwe sleutel ‘Mijn script’');
  await expect(field).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await expect(field).toHaveAttribute('readonly', '');
  const token = await field.inputValue();
  await expect(section.getByRole('table', { name: 'Je sleutels' })).toContainText('Mijn script');
  await checkA11y({ label: 'account settings, API token shown' });

  const response = await page.request.get('/api/v1/loans', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  const body = (await response.json()) as { data: { title: string; dueOn: string }[] };
  expect(body.data.map((l) => l.title)).toContain('Kuifje in Tibet');
  expect(body.data.every((l) => /^\d{4}-\d{2}-\d{2}$/.test(l.dueOn))).toBe(true);
  expect((await page.request.post('/api/v1/loans', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(405);

  // Back later: the token is not shown again, only listed (with its last use), and can be revoked.
  await page.reload();
  await expect(section.getByLabel('Je nieuwe sleutel ‘Mijn script’')).toHaveCount(0);
  await section.getByRole('button', { name: '‘Mijn script’ intrekken' }).click();
  await expect(section).toContainText('De sleutel is ingetrokken: hij werkt niet meer.');
  await expect(section).toContainText('Je hebt geen sleutels.');
  await checkA11y({ label: 'account settings, API token revoked' });

  const revoked = await page.request.get('/api/v1/loans', { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()['www-authenticate']).toMatch(/^Bearer /);
  const missing = await page.request.get('/api/v1/loans');
  expect(missing.status()).toBe(401);
  expect(await missing.json()).toEqual(await revoked.json());

  expect(readFileSync(E2E_SERVER_LOG, 'utf8')).not.toContain(token);
});
