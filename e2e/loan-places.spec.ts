// Where a loan goes back, how many loan strips are left, and which card is which, end to end on the
// shared loan-places scenario (test/scenarios/loan-places.ts, imported with a suffix and today's
// dates): R3 return places in a 3b region (any branch of the region) and a 3a region (only the
// lending library's branches), with a disclosure for a region of many branches; R15 strips with the
// warning on the guest library's loans page and on Info lidmaatschap; the card kinds with the old
// card's hint. Axe finds nothing on each page.
import type { Page } from '@playwright/test';
import { todayInBrussels } from '../lib/domain/dates';
import { maskCardNumber } from '../lib/domain/card-number';
import {
  PLACES_PASSWORD,
  PLACES_STRIPS_LEFT,
  PLACES_TITLES,
  placesScenario,
  placesScenarioNames,
} from '../test/scenarios/loan-places';
import { expect, test } from './support/fixtures';
import { importScenario } from './support/scenario';
import { signIn } from './support/sign-in';

// Five pages, four of them checked with axe, on a machine shared with other runs.
test.describe.configure({ timeout: 90_000 });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const row = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escape(title)}`) }) });

async function setUp(page: Page) {
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
  await importScenario(page.request, placesScenario({ today: todayInBrussels(new Date()), suffix }));
  const names = placesScenarioNames({ suffix });
  await signIn(page, names.username, PLACES_PASSWORD);
  return names;
}

test('R3 return places per loan, R15 strips with a warning, card kinds with the old card’s hint', async ({ page, checkA11y }) => {
  const names = await setUp(page);

  // 3b: any branch of the region, named.
  await page.goto(`/cards/${names.slugs.transport}/loans`);
  await expect(row(page, PLACES_TITLES.transport).getByTestId('return-place')).toHaveText(
    `Terugbrengen bij elke vestiging van ${names.regions.transport}: Marktplein, Stadhuis en Station`,
  );
  // The due date is still the third cell (other specs address it by position).
  await expect(row(page, PLACES_TITLES.transport).getByRole('cell').nth(2)).toContainText(/\d{4}/);
  await checkA11y({ label: 'loans in a 3b region' });

  // 3a: only the lending library's branches.
  await page.goto(`/cards/${names.slugs.own}/loans`);
  await expect(row(page, PLACES_TITLES.own).getByTestId('return-place')).toHaveText(
    `Terugbrengen bij ${names.libraries.e1}: Noordkaai en Noordveld`,
  );

  // 3c with many branches: the region, and the branches behind a disclosure.
  await page.goto(`/cards/${names.slugs.large}/loans`);
  const large = row(page, PLACES_TITLES.large).getByTestId('return-place');
  await expect(large).toContainText(`Terugbrengen bij elke vestiging van ${names.regions.large}`);
  await expect(large.getByText('Kouter')).toBeHidden();
  await large.getByText('Toon de 6 vestigingen').click();
  await expect(large.getByRole('listitem')).toHaveText(['Akker', 'Beek', 'Dries', 'Heide', 'Kouter', 'Meers']);
  await checkA11y({ label: 'loans in a 3c region, branches disclosed' });

  // R15 on the guest library's loans page.
  await page.goto(`/cards/${names.slugs.guest}/loans`);
  const strips = page.getByRole('region', { name: 'Leenstrips' });
  await expect(strips).toContainText(`${names.libraries.nl}: nog ${PLACES_STRIPS_LEFT} leenstrips`);
  await expect(strips.getByTestId('warning-r15')).toHaveText('Bijna op: vraag aan de balie om nieuwe leenstrips voor ze op zijn.');
  await expect(row(page, PLACES_TITLES.guest).getByTestId('return-place')).toHaveText(`Terugbrengen bij ${names.libraries.nl}: Centrum`);
  await checkA11y({ label: 'guest loans with few strips' });

  // Info lidmaatschap: the strips with the warning, each card's kind, the old card's hint.
  await page.goto('/memberships');
  const guest = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: names.libraries.nl, exact: true }) });
  await expect(guest.getByTestId('warning-r15')).toHaveText(
    `Nog maar ${PLACES_STRIPS_LEFT} leenstrips over. Vraag aan de balie van ${names.libraries.nl} om nieuwe leenstrips voor ze op zijn.`,
  );
  const cardOf = (library: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: library, exact: true }) }).getByTestId('card-number');
  await expect(cardOf(names.libraries.t1)).toHaveText(`Bibliotheekpas ${maskCardNumber(names.cards.wise)}`);
  const oldCard = cardOf(names.libraries.e1);
  await expect(oldCard).toContainText(`Oude bibliotheekpas ${maskCardNumber(names.cards.old)}`);
  await expect(oldCard).toContainText('Weigert de zelfuitleen het, vraag dan aan de balie een nieuwe regiopas.');
  await checkA11y({ label: 'Info lidmaatschap with strips and card kinds' });
});
