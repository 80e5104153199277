// Issue 15: the opt-in automatic renewal in account settings. Off by default; switched on and saved,
// it stays on after a reload (it is the account's setting, read by the daily job); axe-clean in both
// states. The card scenario is the integration tests' (test/scenarios/cards.ts).
import { todayInBrussels } from '../lib/domain/dates';
import { cardScenario, SCENARIO_PASSWORD } from '../test/scenarios/cards';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { signIn } from './support/sign-in';

test('switch on automatic renewal: saved, still on after reload', async ({ page, checkA11y }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const scenario = cardScenario(suffix, todayInBrussels(new Date()));
  await importScenario(page.request, scenario.document);
  await signIn(page, scenario.users.family, SCENARIO_PASSWORD);

  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Herinneringen per e-mail' });
  const checkbox = section.getByRole('checkbox', { name: /Verleng mijn uitleningen automatisch/ });
  await expect(checkbox).not.toBeChecked();
  await checkA11y({ label: 'account settings, automatic renewal off' });

  await checkbox.check();
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await expect(section.getByText('Je instellingen voor e-mails zijn opgeslagen.')).toBeVisible();

  await page.reload();
  await expect(section.getByRole('checkbox', { name: /Verleng mijn uitleningen automatisch/ })).toBeChecked();
  await checkA11y({ label: 'account settings, automatic renewal on' });

  // And off again.
  await section.getByRole('checkbox', { name: /Verleng mijn uitleningen automatisch/ }).uncheck();
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await expect(section.getByText('Je instellingen voor e-mails zijn opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(section.getByRole('checkbox', { name: /Verleng mijn uitleningen automatisch/ })).not.toBeChecked();
});
