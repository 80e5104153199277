// Builds an e2e scenario with the importer: posts a `mijn-bibliotheek/network@1` document to the
// e2e server's test-only endpoint (app/api/test/scenario/route.ts), which runs importNetwork in the
// server process — the process that owns the PGlite directory. Import is an upsert by natural keys,
// so specs should use keys of their own (e.g. an ISIL/region code with a spec-specific suffix) and
// stay independent of each other and of the demo network.
import { expect, type APIRequestContext } from '@playwright/test';
import type { ChangesDocument } from '../../db/export/changes-schema';
import { E2E_SCENARIO_HEADER, e2eScenarioToken } from './config';

/** A network@1 document; the importer validates it, so the type stays loose on purpose. */
export type NetworkDocument = { format: 'mijn-bibliotheek/network@1' } & Record<string, unknown>;

/** What the importer reports (db/import/import-network.ts ImportResult when ok). */
export interface ImportReport {
  counts: Record<string, unknown>;
  kept: { path: string; message: string }[];
  notes: string[];
  warnings: { path: string; message: string }[];
  portalChanges: { confirmed: number; rejected: number };
}

/** Imports `document` into the e2e database; fails the test with the importer's errors otherwise. */
export async function importScenario(request: APIRequestContext, document: NetworkDocument): Promise<ImportReport> {
  const response = await request.post('/api/test/scenario', {
    headers: { [E2E_SCENARIO_HEADER]: e2eScenarioToken() },
    data: document,
  });
  const body = (await response.json().catch(() => null)) as
    | ({ ok: true } & ImportReport)
    | { ok: false; errors: { path: string; message: string }[] }
    | null;
  expect(
    body,
    `scenario import answered ${response.status()} without JSON` +
      (response.status() === 404 ? ' (the endpoint does not exist on this server: see lib/security/scenario-endpoint.ts)' : ''),
  ).not.toBeNull();
  if (response.status() === 403) {
    throw new Error('scenario import refused (403): this run\'s E2E_SCENARIO_TOKEN is not the server\'s. Reusing a server started by hand? Give both the same E2E_SCENARIO_TOKEN.');
  }
  if (!body!.ok) {
    throw new Error(
      `scenario import failed (${response.status()}):\n` +
        body!.errors.map((e) => `  ${e.path || '(document)'}: ${e.message}`).join('\n'),
    );
  }
  return body as ImportReport;
}

/** The smallest sensible network: one region with one library and branch, and a Dutch library. */
export function smallNetwork(suffix: string): NetworkDocument {
  const s = suffix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6);
  return {
    format: 'mijn-bibliotheek/network@1',
    regions: [{ code: `E2E${s}`, name: `Regio E2E ${s}`, kind: '3a', feeBlockThresholdCents: 500 }],
    digitalCollections: [{ code: `e2e-ebooks-${s.toLowerCase()}`, name: `E-boeken E2E ${s}` }],
    subscriptionTypes: [
      { code: 'VOLW', name: 'Volwassene', region: `E2E${s}`, loanPeriodDays: 28, maxRenewals: 2, maxLoans: 40 },
    ],
    libraries: [
      {
        isil: `BE-E2E${s}`,
        name: `Bibliotheek E2E ${s}`,
        country: 'BE',
        region: `E2E${s}`,
        digitalCollections: [`e2e-ebooks-${s.toLowerCase()}`],
        branches: [{ code: '9999', name: `E2E ${s}` }],
      },
      {
        isil: `NL-E2E${s}`,
        name: `Bibliotheek Gastlenen E2E ${s}`,
        country: 'NL',
        branches: [{ code: '0001', name: `Centrale E2E ${s}` }],
      },
    ],
  };
}


/** Exports `library`'s changes from the e2e database (app/api/test/changes/route.ts). */
export async function exportChanges(request: APIRequestContext, library: string): Promise<ChangesDocument> {
  const response = await request.post('/api/test/changes', {
    headers: { [E2E_SCENARIO_HEADER]: e2eScenarioToken() },
    data: { library },
  });
  const body = (await response.json().catch(() => null)) as { ok: true; document: ChangesDocument } | { ok: false; message?: string } | null;
  if (!body?.ok) throw new Error(`change export failed (${response.status()}): ${JSON.stringify(body)}`);
  return body.document;
}
