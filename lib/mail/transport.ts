// Delivery of the portal's e-mail through nodemailer. SMTP_URL and MAIL_FROM set → real
// SMTP; otherwise every mail is written as an .eml file into OUTBOX_DIR (default .data/outbox), so
// the run command works with no set-up and a developer (or an e2e test) can open what was sent.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { env } from '../env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Resolves once the mail is accepted by the SMTP server or written to the outbox; rejects otherwise. */
  send(mail: Mail): Promise<void>;
  readonly kind: 'smtp' | 'outbox';
}

export interface MailerConfig {
  smtpUrl?: string;
  from?: string;
  outboxDir: string;
}

/** Sender for the outbox when no MAIL_FROM is configured: the .eml files need one. */
const OUTBOX_FROM = 'Mijn Bibliotheek <no-reply@localhost>';

export function createMailer(config: MailerConfig, log: (line: string) => void = (l) => console.log(l)): Mailer {
  if (config.smtpUrl && config.from) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    const from = config.from;
    return {
      kind: 'smtp',
      async send(mail) {
        await transport.sendMail({ from, ...mail });
      },
    };
  }
  // streamTransport renders the full MIME message without sending it anywhere.
  const render = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = path.resolve(/* turbopackIgnore: true */ config.outboxDir);
  let announced = false;
  // Orders mails written in the same millisecond: the time alone ties, and the random tail would
  // then sort them by chance.
  let sequence = 0;
  return {
    kind: 'outbox',
    async send(mail) {
      const info = await render.sendMail({ from: config.from ?? OUTBOX_FROM, ...mail });
      mkdirSync(dir, { recursive: true });
      // Time, then this mailer's sequence, so a directory listing is in sending order; random tail
      // so names from several processes never collide.
      sequence += 1;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(sequence).padStart(6, '0')}-${randomBytes(4).toString('hex')}.eml`;
      writeFileSync(path.join(dir, name), info.message as Buffer, { mode: 0o600 });
      if (!announced) {
        announced = true;
        log(`[mail] no SMTP_URL/MAIL_FROM set: mails are written as .eml files to ${dir}`);
      }
    },
  };
}

const globalForMail = globalThis as unknown as { __mbMailer?: Mailer };

/** The process-wide mailer from the environment. */
export function getMailer(): Mailer {
  const e = env();
  globalForMail.__mbMailer ??= createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: e.OUTBOX_DIR });
  return globalForMail.__mbMailer;
}

/** The public address of the portal, for links in mails (PUBLIC_BASE_URL, default localhost:3000). */
export function publicBaseUrl(): string {
  return (env().PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}
