// The e2e server writes mails as .eml files (no SMTP); specs read them here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { decodeQuotedPrintable } from '../../test/support/smtp-sink';
import { E2E_OUTBOX_DIR } from './config';

/** The newest mail to `address` written since `since` (ms), decoded; polled, since mails go out after the response. */
export async function mailTo(address: string, since: number): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        let files: string[] = [];
        try {
          files = readdirSync(path.resolve(E2E_OUTBOX_DIR)).filter((f) => f.endsWith('.eml')).sort();
        } catch {
          return false;
        }
        for (const file of files.reverse()) {
          const raw = readFileSync(path.join(path.resolve(E2E_OUTBOX_DIR), file), 'utf8');
          const stamp = Date.parse(file.slice(0, 24).replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, '$1:$2:$3.$4Z'));
          if (stamp >= since - 1000 && new RegExp(`^To: ${address.replace(/[.]/g, '\\.')}$`, 'mi').test(raw)) {
            found = decodeQuotedPrintable(raw);
            return true;
          }
        }
        return false;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}
