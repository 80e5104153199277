// The shape of a `mijn-bibliotheek/network@1` document (../shared/IMPORT_FORMAT.md), as zod.
// This is the single source of truth for the shape: the importer parses with it and the JSON Schema
// in docs/import-format.schema.json is generated from it (write-json-schema.ts), never hand-written.
// Objects are strict: an unknown key is an error, so a typo (`retunedOn`) cannot silently drop data.
// References between records and uniqueness are checked afterwards, in validate.ts.
import { z } from 'zod';
import { PIN_HASH_DESCRIPTION, PIN_HASH_PATTERN, pinHashProblem } from '../../lib/auth/pin-hash-format';
import { parseIsil } from '../../lib/domain/isil';
import { FEE_KINDS, MATERIALS, REGION_KINDS, RESERVATION_STATUSES, COUNTRIES } from '../schema';

export const FORMAT = 'mijn-bibliotheek/network@1';

// Sensible caps: generous for real data, small enough that a broken export cannot fill the database.
const CODE_MAX = 64;
const NAME_MAX = 200;
const TEXT_MAX = 500;
const EMAIL_MAX = 254;
/** The largest value a Postgres `integer` column holds. */
const INT_MAX = 2_147_483_647;

const code = z.string().min(1).max(CODE_MAX);
const name = z.string().min(1).max(NAME_MAX);
const email = z.email().max(EMAIL_MAX);
const count = (max: number) => z.int().min(0).max(max);

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused). */
const date = z.iso.date({
  // Only for a malformed string; a missing or non-string value keeps its own message.
  error: (issue) => (issue.code === 'invalid_format' ? 'must be a real calendar date written YYYY-MM-DD' : undefined),
});
/** Optional in the document; `null` and absent mean the same: none. */
const optionalDate = date.nullish();

/** ISO 15511 ISIL (R13), e.g. `BE-ZOT01`, `NL-0702881037`. */
const isil = z
  .string()
  .max(16)
  .refine((v) => parseIsil(v) !== null && v === v.trim(), {
    error: 'must be an ISIL: 1–4 letters, a hyphen, up to 11 letters, digits or - / :',
  })
  .meta({ pattern: '^[A-Za-z]{1,4}-[A-Za-z0-9/:-]{1,11}$' });

/** Money: integer euro cents, never negative. */
const cents = count(INT_MAX).meta({ description: 'integer euro cents' });

export const regionSchema = z.strictObject({
  code,
  name,
  kind: z.enum(REGION_KINDS),
  feeBlockThresholdCents: cents,
});

export const digitalCollectionSchema = z.strictObject({ code, name });

export const subscriptionTypeSchema = z.strictObject({
  code,
  name,
  region: code.optional().meta({ description: 'region code; exactly one of region / library' }),
  library: isil.optional().meta({ description: 'ISIL of a library outside any region; exactly one of region / library' }),
  loanPeriodDays: z.int().min(1).max(3650),
  maxRenewals: count(1000),
  maxLoans: count(100_000),
});

export const branchSchema = z.strictObject({ code, name });

export const librarySchema = z.strictObject({
  isil,
  name,
  country: z.enum(COUNTRIES),
  region: code.nullish().meta({ description: 'region code; absent: a library in no region (R2)' }),
  digitalCollections: z
    .array(code)
    .max(1000)
    .optional()
    .meta({ description: 'codes of the licensed digital collections; when present, the complete list' }),
  branches: z.array(branchSchema).max(1000).default([]),
});

export const membershipSchema = z.strictObject({
  library: isil,
  type: code.meta({ description: 'subscription type code of the library (or of its region)' }),
  start: date,
  end: date,
  autoRenew: z.boolean().default(false),
  stoppedOn: optionalDate,
});

export const guestMembershipSchema = z.strictObject({
  library: isil,
  type: code,
  registeredOn: date,
  homeIsil: isil,
  homeCardNumber: code,
  homeValidUntil: optionalDate,
  homeCheckedOn: optionalDate,
  loanStrips: count(100_000)
    .optional()
    .meta({ description: 'R15; absent: 125 for a new guest membership, unchanged for an existing one' }),
});

/** A PIN hash as the library system keeps it, so that the PIN never travels in the clear. */
const pinHash = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = pinHashProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ pattern: PIN_HASH_PATTERN });

export const cardSchema = z
  .strictObject({
    library: isil,
    number: code,
    pin: z
      .string()
      .min(4)
      .max(64)
      .nullish()
      .meta({ description: 'plain text; hashed (argon2id) on import. Absent (and no pinHash): the card has no PIN' }),
    pinHash: pinHash.nullish().meta({
      description: `instead of pin: ${PIN_HASH_DESCRIPTION}; stored as given and replaced by the portal's own hash at the first right PIN. Not together with pin`,
    }),
  })
  .superRefine((card, ctx) => {
    if (card.pin != null && card.pinHash != null) {
      ctx.addIssue({ code: 'custom', path: ['pinHash'], message: 'give either pin or pinHash, not both' });
    }
  })
  // The same rule in the JSON Schema: not both present as strings (null means absent).
  .meta({ not: { required: ['pin', 'pinHash'], properties: { pin: { type: 'string' }, pinHash: { type: 'string' } } } });

export const patronSchema = z.strictObject({
  key: z.string().min(1).max(100),
  givenName: name,
  familyName: name,
  birthDate: optionalDate,
  email: email.nullish(),
  historyEnabled: z.boolean().default(false),
  memberships: z.array(membershipSchema).max(1000).default([]),
  guestMemberships: z.array(guestMembershipSchema).max(1000).default([]),
  cards: z.array(cardSchema).max(1000).default([]),
});

export const accountSchema = z.strictObject({
  username: z.string().min(1).max(100),
  email,
  password: z
    .string()
    // A library system's export carries the passwords patrons already have; the portal's policy
    // (lib/auth/password-policy.ts) applies when a patron chooses a new one, not here.
    .min(1)
    .max(1024)
    .meta({ description: 'plain text; hashed (argon2id) on import, never stored or logged as given' }),
  patrons: z.array(z.string().min(1).max(100)).max(1000).default([]),
});

export const titleSchema = z.strictObject({
  key: z.string().min(1).max(100),
  title: z.string().min(1).max(TEXT_MAX),
  author: z.string().min(1).max(NAME_MAX).nullish(),
  year: z.int().min(-9999).max(9999).nullish(),
  isbn: z.string().min(1).max(32).nullish(),
  material: z.enum(MATERIALS),
});

export const itemSchema = z.strictObject({
  barcode: code,
  title: z.string().min(1).max(100),
  library: isil,
  branch: code,
});

export const loanSchema = z.strictObject({
  item: code,
  patron: z.string().min(1).max(100),
  library: isil,
  branch: code,
  lentOn: date,
  dueOn: date,
  renewals: count(1000).default(0),
  returnedOn: optionalDate,
});

export const reservationSchema = z.strictObject({
  title: z.string().min(1).max(100),
  patron: z.string().min(1).max(100),
  pickupLibrary: isil,
  pickupBranch: code,
  placedOn: date,
  status: z.enum(RESERVATION_STATUSES),
  readyUntil: optionalDate,
});

export const feeSchema = z.strictObject({
  patron: z.string().min(1).max(100),
  library: isil,
  kind: z.enum(FEE_KINDS),
  amountCents: cents,
  description: z.string().min(1).max(TEXT_MAX),
  createdOn: date,
  paidOn: optionalDate,
});

// Top-level arrays may be absent (a loans-only update, say): absent means empty.
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

export const networkDocumentSchema = z
  .strictObject({
    format: z.literal(FORMAT),
    exportedAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 timestamp with an offset, e.g. 2026-11-28T02:00:00+01:00' })
      .nullish()
      .meta({
        description:
          'when the library system made this export (issue 13); portal changes made after it are not reverted. Absent: every unconfirmed portal change is kept',
      }),
    regions: list(regionSchema),
    digitalCollections: list(digitalCollectionSchema),
    subscriptionTypes: list(subscriptionTypeSchema),
    libraries: list(librarySchema),
    patrons: list(patronSchema),
    accounts: list(accountSchema),
    titles: list(titleSchema),
    items: list(itemSchema),
    loans: list(loanSchema),
    reservations: list(reservationSchema),
    fees: list(feeSchema),
  })
  .meta({
    title: 'Mijn Bibliotheek network import document',
    description: `A library network in one JSON document, format "${FORMAT}". See docs/import-format.md.`,
  });

/** What a writer of a document writes: optional fields optional. */
export type NetworkDocument = z.input<typeof networkDocumentSchema>;
/** A document after parsing: defaults applied. */
export type ParsedNetworkDocument = z.output<typeof networkDocumentSchema>;
