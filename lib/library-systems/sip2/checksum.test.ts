// Checksums from outside this project: the vectors of SIPServer's own t/0001_checksum.t (its
// login example, CASSIE's 941, item answers; decomposed UTF-8 in that file), and Sip::Checksum.
import { describe, expect, it } from 'vitest';
import { encodeText } from './charset';
import { sipChecksum, verifySipChecksum } from './checksum';

const latin = (s: string) => Buffer.from(s, 'latin1');

describe('sipChecksum', () => {
  it.each([
    ['9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZ', 'EC7B'],
    ['941AY0AZ', 'FDFD'],
    ['97AZ', 'FEF5'],
    ['96AZ', 'FEF6'],
    ['1804020120110630    110250AB30007008641424|AJLe zahir|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP COE|AY7AZ', 'E174'],
  ])('%s → %s', (text, sum) => {
    expect(sipChecksum(latin(text))).toBe(sum);
  });

  it('sums the encoded bytes, so UTF-8 and Latin-1 differ (t/0001_checksum.t, "Le Piège de Bogota")', () => {
    const text = '1804020120110630    110249AB30007008503046|AJLe Pie\u0300ge de Bogota|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP DAL|AY7AZ';
    expect(sipChecksum(encodeText(text, 'utf-8'))).toBe('DCF8');
    expect(sipChecksum(encodeText(text, 'latin1'))).not.toBe('DCF8');
  });

  it('is four uppercase hex digits, zero-padded', () => {
    // 0x10000 - 0xFFFF = 1 → "0001"
    const bytes = Buffer.alloc(257, 0xff); // 257 × 255 = 65535
    expect(sipChecksum(bytes)).toBe('0001');
    expect(sipChecksum(Buffer.alloc(0))).toBe('0000');
  });
});

describe('verifySipChecksum', () => {
  it.each([
    ['941AY0AZFDFD', true],
    ['941AY0AZfdfd', true],
    ['941AY0AZFDFE', false],
    ['941AY1AZFDFD', false],
    ['941AY0AZFDF', false],
    ['941AY0', false],
    ['941AY0AZGGGG', false],
    ['', false],
  ])('%s → %s', (frame, ok) => {
    expect(verifySipChecksum(latin(frame))).toBe(ok);
  });
});
