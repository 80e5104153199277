import { describe, expect, it } from 'vitest';
import { portalChangeStands, type PortalChangeStatus } from './portal-changes';

const at = (iso: string) => new Date(iso);

describe('issue 13 §3 portalChangeStands: a change stands when unconfirmed or made after the export', () => {
  it.each<[string, PortalChangeStatus, string, string | null, boolean]>([
    ['unconfirmed, before the export', 'unconfirmed', '2026-11-20T10:00:00Z', '2026-11-21T02:00:00Z', true],
    ['unconfirmed, after the export', 'unconfirmed', '2026-11-22T10:00:00Z', '2026-11-21T02:00:00Z', true],
    ['unconfirmed, no exportedAt', 'unconfirmed', '2026-11-22T10:00:00Z', null, true],
    ['confirmed, before the export: the library fact wins', 'confirmed', '2026-11-20T10:00:00Z', '2026-11-21T02:00:00Z', false],
    ['confirmed, after the export', 'confirmed', '2026-11-22T10:00:00Z', '2026-11-21T02:00:00Z', true],
    ['confirmed, no exportedAt: cannot tell, the document wins', 'confirmed', '2026-11-22T10:00:00Z', null, false],
    ['confirmed at the very instant of the export', 'confirmed', '2026-11-21T02:00:00Z', '2026-11-21T02:00:00Z', false],
    ['rejected, after the export', 'rejected', '2026-11-22T10:00:00Z', '2026-11-21T02:00:00Z', false],
  ])('%s', (_name, status, occurredAt, exportedAt, stands) => {
    expect(portalChangeStands({ status, occurredAt: at(occurredAt) }, exportedAt === null ? null : at(exportedAt))).toBe(stands);
  });
});
