// One SIP2 message on the wire: text, then (error detection) "AY" + one digit + "AZ" + four hex
// digits, then a carriage return. The checksum covers every byte up to and including "AZ".
import { decodeText, encodeText, type SipCharset } from './charset';
import { sipChecksum, verifySipChecksum } from './checksum';

export const CR = 0x0d;

/** A request as bytes, terminator included. */
export function frameMessage(body: string, seq: number, charset: SipCharset): Buffer {
  const head = encodeText(`${body}AY${seq}AZ`, charset);
  return Buffer.concat([head, Buffer.from(`${sipChecksum(head)}\r`, 'latin1')]);
}

/**
 * 97, the SC asking the ACS to resend its last answer: "97" and the checksum, no sequence number
 * (the form ACSs look for: SIPServer matches the literal "97AZFEF5", and treats "97AYnAZxxxx" as a
 * message without error detection, turning error detection off for the connection).
 */
export const RESEND_REQUEST = Buffer.from('97AZFEF5\r', 'latin1');

export interface ReceivedFrame {
  /** The whole message as text, without the CR. */
  raw: string;
  /** The message without "AYnAZxxxx" (or without "AZxxxx" when there is no sequence number). */
  body: string;
  /** The AY digit, or null when the message has none. */
  seq: number | null;
  hasChecksum: boolean;
  checksumOk: boolean;
}

/** Splits off and checks the error-detection trailer of one received message (without its CR). */
export function unframeMessage(bytes: Buffer, charset: SipCharset): ReceivedFrame {
  const raw = decodeText(bytes, charset);
  const n = bytes.length;
  const hasChecksum = n >= 6 && bytes[n - 6] === 0x41 && bytes[n - 5] === 0x5a;
  if (!hasChecksum) return { raw, body: raw, seq: null, hasChecksum: false, checksumOk: false };
  const checksumOk = verifySipChecksum(bytes);
  const ay = n >= 9 && bytes[n - 9] === 0x41 && bytes[n - 8] === 0x59;
  const seqChar = ay ? String.fromCharCode(bytes[n - 7] as number) : '';
  const seq = ay && /^\d$/.test(seqChar) ? Number(seqChar) : null;
  const bodyBytes = bytes.subarray(0, ay ? n - 9 : n - 6);
  return { raw, body: decodeText(bodyBytes, charset), seq, hasChecksum, checksumOk };
}

/**
 * Cuts a byte stream into messages at CR. A LF right after a CR (some ACSs end lines with CRLF)
 * is dropped, and empty lines are skipped.
 */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  constructor(private readonly maxFrameBytes = 64 * 1024) {}

  /** Returns the complete messages in `chunk` (plus what was buffered); throws when one grows past
   * the limit, which only a broken or hostile peer would send. */
  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      if (this.buffer[i] !== CR) continue;
      let frame = this.buffer.subarray(start, i);
      while (frame.length && (frame[0] === 0x0a || frame[0] === CR)) frame = frame.subarray(1);
      if (frame.length) frames.push(Buffer.from(frame));
      start = i + 1;
    }
    this.buffer = this.buffer.subarray(start);
    if (this.buffer.length > this.maxFrameBytes) throw new Error('frame too long');
    return frames;
  }
}
