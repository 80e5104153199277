// SIP2 error detection (spec "Checksum"): the binary sum of every byte of the message up to and
// including "AZ", negated in 16-bit two's complement, written as four uppercase hex digits.
// It is over the encoded BYTES, so UTF-8 and Latin-1 endpoints get different checksums for the
// same text, and the receiver checks what actually travelled.

export function sipChecksum(bytes: Uint8Array): string {
  let sum = 0;
  for (const b of bytes) sum = (sum + b) & 0xffff;
  return ((-sum) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * True when `frame` (without the CR terminator) ends in `AZxxxx` and the checksum matches.
 * The sum of all bytes before the four hex digits plus their value is 0 modulo 2^16.
 */
export function verifySipChecksum(frame: Uint8Array): boolean {
  const n = frame.length;
  if (n < 6 || frame[n - 6] !== 0x41 || frame[n - 5] !== 0x5a) return false;
  const hex = String.fromCharCode(...frame.subarray(n - 4));
  if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return false;
  let sum = 0;
  for (let i = 0; i < n - 4; i++) sum = (sum + (frame[i] as number)) & 0xffff;
  return ((sum + parseInt(hex, 16)) & 0xffff) === 0;
}
