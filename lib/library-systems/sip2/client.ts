// The public face of the SIP2 module: one Sip2Client per ACS endpoint (per library system), with
// one method per SIP2 transaction. Options are validated with zod when the client is made, so a
// misconfigured library fails at start-up and not on a patron's first click.
import type tls from 'node:tls';
import { z } from 'zod';
import { SipConnection, type SipAnswer } from './connection';
import { SipArgumentError } from './errors';
import { projectSipLogger, type SipLogger } from './log';
import * as m from './messages';
import { SipPool } from './pool';

const nonEmpty = z.string().min(1).refine((s) => !/[|\r\n]/.test(s), 'must not contain "|" or a line break');

export const sip2ClientOptionsSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  tls: z.boolean(),
  login: z.object({
    user: nonEmpty,
    password: nonEmpty,
    locationCode: nonEmpty.optional(),
  }),
  institutionId: nonEmpty,
  charset: z.enum(['ascii', 'utf-8', 'latin1']),
  timeoutMs: z.number().int().min(1).max(600_000).default(10_000),
  maxConnections: z.number().int().min(1).max(32).default(1),
  /** Idle connections are closed after this long (see pool.ts). */
  idleTimeoutMs: z.number().int().min(100).max(3_600_000).default(30_000),
  /** Callers that may wait for a free connection before SipPoolError. */
  maxQueue: z.number().int().min(0).max(10_000).default(100),
  terminalPassword: z.string().refine((s) => !/[|\r\n]/.test(s), 'must not contain "|" or a line break').optional(),
});

export type Sip2ClientOptions = z.input<typeof sip2ClientOptionsSchema>;
type ParsedOptions = z.output<typeof sip2ClientOptionsSchema>;

/** What is not configuration: a clock for tests, TLS material that is not JSON. */
export interface Sip2ClientDeps {
  /** The transaction date of every request; the terminal's local time by default. */
  clock?: () => Date;
  tlsOptions?: tls.ConnectionOptions;
  /** Where connection events go; lib/log.ts by default. Lines name the endpoint, never a patron. */
  logger?: SipLogger;
}

export interface PatronPasswordOption {
  /** The patron's PIN (AD); checked by the ACS when given. */
  patronPassword?: string;
}

export interface PatronInformationOptions extends PatronPasswordOption {
  /** Which item list to include; null or absent: none, only the counts. */
  summary?: m.SummaryType | null;
  /** 1-based first and last item (BP/BQ). Without them the client reads the whole list, paging
   * when the ACS sends fewer items than its count says. */
  start?: number;
  end?: number;
}

export interface CheckoutOptions extends PatronPasswordOption {
  scRenewalPolicy?: boolean;
  noBlock?: boolean;
  noBlockDueDate?: Date;
  itemProperties?: string;
  feeAcknowledged?: boolean;
}

export interface RenewOptions extends PatronPasswordOption {
  /** Renew by title (AJ) instead of, or besides, the item id. */
  titleId?: string;
  noBlock?: boolean;
  noBlockDueDate?: Date;
  thirdPartyAllowed?: boolean;
  feeAcknowledged?: boolean;
}

export interface RenewAllOptions extends PatronPasswordOption {
  feeAcknowledged?: boolean;
}

export interface HoldOptions extends PatronPasswordOption {
  itemId?: string;
  titleId?: string;
  pickupLocation?: string;
  expirationDate?: Date;
  holdType?: m.HoldType;
  feeAcknowledged?: boolean;
}

/** Pages read at most when collecting a list, so a confused ACS cannot keep us looping. */
const MAX_PAGES = 50;

/** The options as the client uses them, without the secrets (safe to show on a status page). */
export type Sip2ClientSettings = Omit<ParsedOptions, 'login' | 'terminalPassword'> & {
  login: Omit<ParsedOptions['login'], 'password'>;
};

export class Sip2Client {
  readonly options: Readonly<Sip2ClientSettings>;
  private readonly pool: SipPool;
  private readonly clock: () => Date;
  private readonly terminalPassword: string | undefined;

  constructor(options: Sip2ClientOptions, deps: Sip2ClientDeps = {}) {
    const parsed = sip2ClientOptionsSchema.safeParse(options);
    if (!parsed.success) {
      // Issue paths and messages only: the zod error would quote the password back.
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new SipArgumentError(`invalid SIP2 client options: ${problems}`);
    }
    const o = parsed.data;
    const { terminalPassword: _terminalPassword, login, ...settings } = o;
    this.options = Object.freeze({ ...settings, login: { user: login.user, locationCode: login.locationCode } });
    this.terminalPassword = o.terminalPassword;
    this.clock = deps.clock ?? (() => new Date());
    this.pool = new SipPool(
      () =>
        SipConnection.open({
          host: o.host, port: o.port, tls: o.tls, tlsOptions: deps.tlsOptions,
          charset: o.charset, timeoutMs: o.timeoutMs, login: o.login,
        }),
      {
        maxConnections: o.maxConnections, maxQueue: o.maxQueue, acquireTimeoutMs: o.timeoutMs, idleTimeoutMs: o.idleTimeoutMs,
        endpoint: `${o.host}:${o.port}`, logger: deps.logger ?? projectSipLogger,
      },
    );
  }

  private ctx(): m.RequestContext {
    return { institutionId: this.options.institutionId, terminalPassword: this.terminalPassword, now: this.clock() };
  }

  private send(body: string, readOnly: boolean): Promise<SipAnswer> {
    const expect = m.RESPONSE_ID[body.slice(0, 2)]!;
    return this.pool.use((c) => c.request(body, expect), { retryStale: readOnly });
  }

  /** 99 → 98: is the ACS online, what does it support. */
  async scStatus(opts: { maxPrintWidth?: number } = {}): Promise<m.AcsStatusResponse> {
    const a = await this.send(m.buildScStatus(opts), true);
    return m.parseAcsStatus(a.raw, a.body);
  }

  /** 23 → 24. */
  async patronStatus(patronId: string, opts: PatronPasswordOption = {}): Promise<m.PatronStatusResponse> {
    const a = await this.send(m.buildPatronStatus(this.ctx(), { patronId, patronPassword: opts.patronPassword }), true);
    return m.parsePatronStatus(a.raw, a.body);
  }

  /** 63 → 64. With a summary and no start/end, the whole list (paged with BP/BQ when needed). */
  async patronInformation(patronId: string, opts: PatronInformationOptions = {}): Promise<m.PatronInformationResponse> {
    const request = (start?: number, end?: number) =>
      this.send(
        m.buildPatronInformation(this.ctx(), { patronId, patronPassword: opts.patronPassword, summary: opts.summary, start, end }),
        true,
      ).then((a) => m.parsePatronInformation(a.raw, a.body));
    const firstPage = await request(opts.start, opts.end);
    if (!opts.summary || opts.start !== undefined || opts.end !== undefined) return firstPage;

    const listName = m.SUMMARY_LIST[opts.summary];
    const total = firstPage.counts[opts.summary];
    const items = [...firstPage[listName]];
    for (let page = 1; total !== null && items.length < total && page < MAX_PAGES; page++) {
      const next = await request(items.length + 1, total);
      const more = next[listName];
      // An ACS that ignores BP/BQ sends the first page again: stop instead of duplicating.
      if (more.length === 0 || (more[0] === items[0] && items.length > 0)) break;
      items.push(...more);
    }
    return { ...firstPage, [listName]: items };
  }

  /** 17 → 18. */
  async itemInformation(itemId: string): Promise<m.ItemInformationResponse> {
    const a = await this.send(m.buildItemInformation(this.ctx(), { itemId }), true);
    return m.parseItemInformation(a.raw, a.body);
  }

  /** 11 → 12. */
  async checkout(patronId: string, itemId: string, opts: CheckoutOptions = {}): Promise<m.CheckoutResponse> {
    const a = await this.send(m.buildCheckout(this.ctx(), { patronId, itemId, ...opts }), false);
    return m.parseCheckout(a.raw, a.body);
  }

  /** 29 → 30. `itemId` may be null when renewing by `titleId`. */
  async renew(patronId: string, itemId: string | null, opts: RenewOptions = {}): Promise<m.RenewResponse> {
    const a = await this.send(m.buildRenew(this.ctx(), { patronId, itemId: itemId ?? undefined, ...opts }), false);
    return m.parseRenew(a.raw, a.body);
  }

  /** 65 → 66. */
  async renewAll(patronId: string, opts: RenewAllOptions = {}): Promise<m.RenewAllResponse> {
    const a = await this.send(m.buildRenewAll(this.ctx(), { patronId, ...opts }), false);
    return m.parseRenewAll(a.raw, a.body);
  }

  /** 15 → 16: "+" place, "-" cancel, "*" change (pickup location, expiration date). */
  async hold(mode: m.HoldMode, patronId: string, opts: HoldOptions): Promise<m.HoldResponse> {
    const a = await this.send(m.buildHold(this.ctx(), { mode, patronId, ...opts }), false);
    return m.parseHold(a.raw, a.body);
  }

  /** 35 → 36. */
  async endPatronSession(patronId: string, opts: PatronPasswordOption = {}): Promise<m.EndPatronSessionResponse> {
    const a = await this.send(m.buildEndPatronSession(this.ctx(), { patronId, patronPassword: opts.patronPassword }), true);
    return m.parseEndPatronSession(a.raw, a.body);
  }

  /** Closes every connection; later calls fail with SipPoolError. */
  close(): Promise<void> {
    return this.pool.close();
  }

  /** Connections open and callers waiting (for a health page; no patron data). */
  stats(): { size: number; idle: number; waiting: number } {
    return this.pool.stats();
  }
}
