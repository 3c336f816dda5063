// The QR payload's CRC against the real gateway's qr_code strings (docs/zalopay-protocol.md §3.6, §12.3).
import { describe, expect, it } from 'vitest';
import { buildVietQrPayload, crc16CcittFalse, readVietQrPayload } from './vietqr-payload';

const REAL_2553_QR =
  '00020101021226530010vn.zalopay01061800050203001031816357958197287719338620010A00000072701320006970454011899ZP26002O021728580208QRIBFTTA5204739953037045405300005802VN6304DECA';

describe('VietQR payload', () => {
  it('computes the CRC the real gateway put on a 2553 qr_code', () => {
    expect(crc16CcittFalse(REAL_2553_QR.slice(0, -4))).toBe('DECA');
  });

  it('rebuilds the real layout byte for byte from its fields', () => {
    const rebuilt = buildVietQrPayload({
      merchantCode: '180005',
      reference: '163579581972877193',
      virtualAccount: '99ZP26002O02172858',
      amount: 30000,
    });
    expect(rebuilt).toBe(REAL_2553_QR);
  });

  it('checks the standard CRC-16/CCITT-FALSE test value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });
});

describe('reading a scanned VietQR payload', () => {
  it('reads the real 2553 qr_code: NAPAS bank, virtual account, amount', () => {
    expect(readVietQrPayload(REAL_2553_QR)).toEqual({
      ok: true,
      qr: { bankBin: '970454', virtualAccount: '99ZP26002O02172858', amount: 30000 },
    });
  });

  it('refuses a payload whose CRC does not match, as a banking app does', () => {
    const tampered = REAL_2553_QR.replace('5405300005802VN', '5405100005802VN');
    expect(readVietQrPayload(tampered)).toEqual({ ok: false, problem: 'crc_mismatch' });
  });

  it('refuses text that is not an EMVCo payload', () => {
    expect(readVietQrPayload('https://example.com')).toEqual({ ok: false, problem: 'malformed' });
  });
});
