// The SIP2 adapter: a LibrarySystem spoken over SIP2 (lib/library-systems/sip2) to one library's
// system, as a trusted terminal with the portal's own SIP login. Patrons are named by their card
// number at that library; no patron PIN is sent except to check one (L5).
import type { IsoDate } from '@/lib/domain/dates';
import { isValidIsoDate } from '@/lib/domain/dates';
import { Sip2Client, SipArgumentError, SipError, SipTimeoutError, type Sip2ClientDeps } from '@/lib/library-systems/sip2';
import type { Sip2Endpoint } from './config';
import {
  LibraryUnavailableError,
  type LibraryAnswer,
  type LibraryFee,
  type LibraryHold,
  type LibraryItem,
  type LibraryPatronId,
  type LibraryPatronSnapshot,
  type LibrarySystem,
  type LibrarySystemDescription,
  type PinCheck,
} from './port';

/**
 * A SIP2 due date (AH) as a calendar date. The specification gives it no format; most systems send
 * the 18-character SIP date (`YYYYMMDDZZZZHHMMSS`), some an ISO date. The library's calendar day
 * is what the patron must know, so the date part is taken as written, never shifted by a zone.
 */
export function sipDueDate(text: string | null | undefined): IsoDate | null {
  if (!text) return null;
  const compact = /^(\d{4})(\d{2})(\d{2})/.exec(text.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  const match = compact ?? iso;
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return isValidIsoDate(date) ? date : null;
}

/**
 * A SIP2 amount (BV, CG) as integer cents: "1.50", "-1.50", "100" (whole units). Systems differ in
 * sign (some send what the patron owes as negative); what is owed is the absolute value.
 */
export function sipAmountCents(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = /^\s*-?\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The screen message of a refusal, in the library's own words; null when it sent none. */
const messageOf = (screenMessages: readonly string[]): string | null => {
  const text = screenMessages.map((m) => m.trim()).filter(Boolean).join(' ');
  return text === '' ? null : text.slice(0, 300);
};

export class Sip2LibrarySystem implements LibrarySystem {
  private readonly client: Sip2Client;

  constructor(
    readonly isil: string,
    endpoint: Sip2Endpoint,
    deps: Sip2ClientDeps = {},
  ) {
    this.client = new Sip2Client(
      {
        host: endpoint.host,
        port: endpoint.port,
        tls: endpoint.tls,
        login: endpoint.login,
        institutionId: endpoint.institutionId,
        charset: endpoint.charset,
        timeoutMs: endpoint.timeoutMs,
        maxConnections: endpoint.maxConnections,
        idleTimeoutMs: endpoint.idleTimeoutMs,
      },
      deps,
    );
  }

  /**
   * Every SIP failure but a programming error becomes "unavailable" (L4); the cause stays in the
   * log. A change (`sends`) whose request went out without an answer in time is `unconfirmed`: the
   * library may have made it, so nobody may be told "nothing was changed".
   */
  private async call<T>(work: () => Promise<T>, sends = false): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SipArgumentError || !(error instanceof SipError)) throw error;
      const unconfirmed = sends && error instanceof SipTimeoutError && error.phase === 'request';
      const cause = unconfirmed ? 'unconfirmed' : error.code === 'timeout' ? 'timeout' : error.code === 'protocol' ? 'protocol' : 'unreachable';
      throw new LibraryUnavailableError(this.isil, cause, { cause: error });
    }
  }

  checkPin(patron: LibraryPatronId, pin: string): Promise<PinCheck> {
    return this.call(async () => {
      const answer = await this.client.patronStatus(patron, { patronPassword: pin });
      const patronKnown = answer.validPatron === true;
      return { patronKnown, pinValid: patronKnown && answer.validPatronPassword === true };
    });
  }

  getPatron(patron: LibraryPatronId): Promise<LibraryPatronSnapshot> {
    return this.call(async () => {
      const charged = await this.client.patronInformation(patron, { summary: 'charged' });
      if (charged.validPatron === false) return { loans: [], holds: [], fees: [], totalFeeCents: null, patronKnown: false };
      const ready = await this.client.patronInformation(patron, { summary: 'hold' });
      const waiting = await this.client.patronInformation(patron, { summary: 'unavailable' });
      const fines = await this.client.patronInformation(patron, { summary: 'fine' });
      const loans = [];
      for (const barcode of charged.chargedItems) {
        const item = await this.client.itemInformation(barcode);
        loans.push({ itemBarcode: barcode, dueOn: sipDueDate(item.dueDate), title: item.titleId });
      }
      // A hold names an item; the system's item information gives its title. A hold whose item
      // the system itself cannot describe is left out rather than copied as an unknown title
      // (the reference system lists its holds by an internal reference, docs/sip2.md).
      const holds: LibraryHold[] = [];
      for (const [ids, isReady] of [[ready.holdItems, true], [waiting.unavailableHoldItems, false]] as const) {
        for (const id of ids) {
          const item = await this.client.itemInformation(id);
          if (!item.titleId) continue;
          holds.push({ itemBarcode: id, title: item.titleId, ready: isReady, pickupLocation: null });
        }
      }
      const fees: LibraryFee[] = fines.fineItems.map((description) => ({ description: description.slice(0, 200), amountCents: null }));
      return { loans, holds, fees, totalFeeCents: sipAmountCents(fines.feeAmount), patronKnown: true };
    });
  }

  getItem(itemBarcode: string): Promise<LibraryItem> {
    return this.call(async () => {
      const item = await this.client.itemInformation(itemBarcode);
      return {
        itemBarcode,
        title: item.titleId,
        dueOn: sipDueDate(item.dueDate),
        location: item.permanentLocation ?? item.currentLocation,
      };
    });
  }

  renew(patron: LibraryPatronId, itemBarcode: string): Promise<LibraryAnswer<{ dueOn: IsoDate | null }>> {
    return this.call(async () => {
      const answer = await this.client.renew(patron, itemBarcode);
      if (!answer.ok) return { ok: false as const, message: messageOf(answer.screenMessages) };
      // Renewed: from here on nothing may read as "not renewed". The due date is the renewal's
      // own; a system that leaves it out is asked for the item's, and failing that it stays
      // unknown until the next refresh.
      const dueOn =
        sipDueDate(answer.dueDate) ??
        (await this.client.itemInformation(itemBarcode).then((item) => sipDueDate(item.dueDate), () => null));
      return { ok: true as const, dueOn };
    }, true);
  }

  cancelHold(patron: LibraryPatronId, hold: { itemBarcode: string | null; title: string | null }): Promise<LibraryAnswer> {
    return this.call(async () => {
      const answer = await this.client.hold('-', patron, { itemId: hold.itemBarcode ?? undefined, titleId: hold.itemBarcode ? undefined : hold.title ?? undefined });
      return answer.ok ? { ok: true as const } : { ok: false as const, message: messageOf(answer.screenMessages) };
    }, true);
  }

  changePickup(
    patron: LibraryPatronId,
    hold: { itemBarcode: string | null; title: string | null },
    pickupLocation: string,
  ): Promise<LibraryAnswer> {
    return this.call(async () => {
      const answer = await this.client.hold('*', patron, {
        itemId: hold.itemBarcode ?? undefined,
        titleId: hold.itemBarcode ? undefined : hold.title ?? undefined,
        pickupLocation,
      });
      return answer.ok ? { ok: true as const } : { ok: false as const, message: messageOf(answer.screenMessages) };
    }, true);
  }

  describe(): Promise<LibrarySystemDescription> {
    return this.call(async () => {
      const status = await this.client.scStatus();
      const supported = status.supportedMessages
        ? Object.entries(status.supportedMessages).filter(([, yes]) => yes).map(([name]) => name)
        : [];
      return {
        protocol: `SIP2 (${status.protocolVersion})`,
        online: status.online,
        supported,
        institutionId: status.institutionId,
        screenMessages: status.screenMessages,
      };
    });
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
