// The shape of a `mijn-bibliotheek/changes@1` document: the portal's unconfirmed
// changes for one library, exported so that a library without a live link can apply them. This
// zod schema is the single source of truth: the export checks every document against it before
// writing, `--ack` parses with it, and docs/changes-format.schema.json is generated from it
// (write-json-schema.ts), never hand-written. Objects are strict. Records are named by the natural
// keys of the import format (docs/import-format.md), never by database ids — except the change's
// own `id`, which `--ack` hands back.
import { z } from 'zod';
import { parseIsil } from '../../lib/domain/isil';
import { RESERVATION_STATUSES } from '../schema';

export const CHANGES_FORMAT = 'mijn-bibliotheek/changes@1';

/** The largest value a Postgres `integer` column holds. */
const INT_MAX = 2_147_483_647;

const key = z.string().min(1).max(100);
const code = z.string().min(1).max(64);
const count = z.int().min(0).max(INT_MAX);

/** A real calendar date `YYYY-MM-DD`. */
const date = z.iso.date();

/** A point in time: ISO 8601 in UTC with milliseconds, e.g. `2026-11-29T21:43:36.123Z`. */
export const instant = z.iso.datetime({ precision: 3 }).meta({ description: 'ISO 8601 UTC timestamp, e.g. 2026-11-29T21:43:36.123Z' });

/** ISO 15511 ISIL (R13), e.g. `BE-ZOT01`, `NL-0702881037`. */
export const isil = z
  .string()
  .max(16)
  .refine((v) => parseIsil(v) !== null && v === v.trim(), {
    error: 'must be an ISIL: 1–4 letters, a hyphen, up to 11 letters, digits or - / :',
  })
  .meta({ pattern: '^[A-Za-z]{1,4}-[A-Za-z0-9/:-]{1,11}$' });

/** A loan by its natural key in the import format: (item barcode, lentOn). */
const loanRef = z.strictObject({
  item: code.meta({ description: 'the item barcode' }),
  lentOn: date,
});

/** A reservation by its natural key (patron, title, placedOn); the patron is the change's `patron`. */
const reservationRef = z.strictObject({
  title: key.meta({ description: 'the title key' }),
  placedOn: date,
});

/** A branch by its natural key: the library's ISIL and the branch code. */
const branchRef = z.strictObject({ library: isil, branch: code });

/** What every change carries. */
const id = z.int().min(1).max(INT_MAX).meta({ description: 'the change id in the portal; hand the document back with --ack to confirm it' });
const common = {
  at: instant.meta({ description: 'when the portal made the change' }),
  patron: key.meta({ description: 'the patron key (for a loan or reservation: its patron)' }),
  card: code.nullable().meta({ description: "the patron's card number at this library, as the library exported it; null when none" }),
};

/** The account (by username) for the changes an account makes to itself or its links (P2). */
const account = key.meta({ description: 'the username of the portal account' });

const change = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.strictObject({ id, kind: z.literal(kind), ...common, ...shape });

export const renewalChange = change('renewal', {
  loan: loanRef,
  oldDueOn: date,
  newDueOn: date,
  oldRenewals: count,
  newRenewals: count,
});
export const reservationCancelledChange = change('reservation_cancelled', {
  reservation: reservationRef,
  oldStatus: z.enum(RESERVATION_STATUSES).meta({ description: 'the status the reservation had when the patron cancelled it' }),
});
export const pickupChangedChange = change('pickup_changed', {
  reservation: reservationRef,
  from: branchRef,
  to: branchRef,
});
export const historyEnabledChange = change('history_enabled', {});
export const historyDisabledChange = change('history_disabled', {
  pausedOn: date.meta({ description: 'H1: returns from this day on are not recorded' }),
});
export const historyClearedChange = change('history_cleared', {
  hidden: count.meta({ description: 'how many returned loans the patron hid from the history' }),
});
export const accountEmailChangedChange = change('account_email_changed', {
  account,
  email: z.email().max(254).meta({ description: 'the new address, confirmed by the patron' }),
});
/** Only that it happened: never a password or a hash. */
export const accountPasswordChangedChange = change('account_password_changed', { account });
export const membershipLinkedChange = change('membership_linked', { account });
export const membershipUnlinkedChange = change('membership_unlinked', { account });

export const portalChangeSchema = z.discriminatedUnion('kind', [
  renewalChange,
  reservationCancelledChange,
  pickupChangedChange,
  historyEnabledChange,
  historyDisabledChange,
  historyClearedChange,
  accountEmailChangedChange,
  accountPasswordChangedChange,
  membershipLinkedChange,
  membershipUnlinkedChange,
]);

export const changesDocumentSchema = z
  .strictObject({
    format: z.literal(CHANGES_FORMAT),
    library: isil.meta({ description: 'the ISIL of the library these changes are for' }),
    exportedAt: instant.meta({ description: 'when the document was made' }),
    since: instant.nullable().meta({ description: 'only changes made at or after this moment (--since); null: every unconfirmed change' }),
    changes: z.array(portalChangeSchema).meta({ description: 'ordered by `at`, then `id`' }),
  })
  .meta({
    title: 'Mijn Bibliotheek portal changes',
    description: 'The unconfirmed changes the portal made for one library (docs/changes-format.md).',
  });

export type ChangesDocument = z.infer<typeof changesDocumentSchema>;
export type ExportedChange = z.infer<typeof portalChangeSchema>;
