// The character set is agreed per endpoint, out of band (SIP2 has no way to say it). The checksum is
// over the encoded bytes, so encoding happens once, here, before the checksum is computed.
export type SipCharset = 'ascii' | 'utf-8' | 'latin1';

/** Text as bytes. Characters the charset lacks become "?" rather than a wrong byte: Node's own
 * 'ascii' and 'latin1' encoders keep only the low byte, which would turn "ő" into "Q". */
export function encodeText(text: string, charset: SipCharset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  const max = charset === 'ascii' ? 0x7f : 0xff;
  let safe = '';
  for (const ch of text) safe += ch.codePointAt(0)! > max ? '?' : ch;
  return Buffer.from(safe, 'latin1');
}

/** Bytes as text. 'ascii' is decoded as Latin-1 so a stray 8-bit byte from a misconfigured ACS
 * stays visible instead of being folded onto another character. */
export function decodeText(bytes: Buffer, charset: SipCharset): string {
  return charset === 'utf-8' ? bytes.toString('utf8') : bytes.toString('latin1');
}
