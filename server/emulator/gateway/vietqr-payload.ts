// The EMVCo / NAPAS VietQR string that create returns as `qr_code` (docs/zalopay-protocol.md §3.6): a list of
// tag-length-value fields ending with a CRC-16/CCITT-FALSE checksum, payable by ZaloPay and bank apps.

/** One EMVCo field: two-digit tag, two-digit length, value. */
function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMVCo field ${tag} is longer than 99 characters`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection), as 4 uppercase hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export interface VietQrFields {
  /** The 6-digit merchant field of the ZaloPay template (tag 26, sub-tag 01). */
  merchantCode: string;
  /** The 17-18 digit ZaloPay reference (tag 26, sub-tag 03). */
  reference: string;
  /** The NAPAS virtual account (tag 38, sub-tag 01/01), like `99ZP26002O02172858`. */
  virtualAccount: string;
  amount: number;
}

/** Builds the payload with the same layout as real 2553 responses and a correct trailing CRC. */
export function buildVietQrPayload(fields: VietQrFields): string {
  const zaloPayTemplate =
    tlv('00', 'vn.zalopay') +
    tlv('01', fields.merchantCode) +
    tlv('02', '001') +
    tlv('03', fields.reference);
  const napasTemplate =
    tlv('00', 'A000000727') +
    tlv('01', tlv('00', '970454') + tlv('01', fields.virtualAccount)) +
    tlv('02', 'QRIBFTTA');
  const withoutCrc =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('26', zaloPayTemplate) +
    tlv('38', napasTemplate) +
    tlv('52', '7399') +
    tlv('53', '704') +
    tlv('54', String(fields.amount)) +
    tlv('58', 'VN') +
    '6304';
  return withoutCrc + crc16CcittFalse(withoutCrc);
}

/** What a banking app reads from a scanned payload: the payee account and the amount. */
export interface ScannedVietQr {
  /** The NAPAS member bank's BIN (tag 38, sub-tag 01/00), `970454` for ZaloPay's. */
  bankBin: string;
  virtualAccount: string;
  amount: number;
}

export type VietQrReading =
  | { ok: true; qr: ScannedVietQr }
  | { ok: false; problem: 'crc_mismatch' | 'malformed' | 'not_vietqr' };

/** Splits one level of tag-length-value fields; null when a length runs past the end. */
function readFields(text: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const tag = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (tag.length < 2 || !Number.isInteger(length) || at + 4 + length > text.length) return null;
    fields.set(tag, text.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

/**
 * What a banking app does with a scanned VietQR string: check the trailing CRC (tag 63, over everything
 * up to and including `6304`), then read the NAPAS template (tag 38: A000000727, bank BIN, account) and the
 * amount (tag 54).
 */
export function readVietQrPayload(payload: string): VietQrReading {
  const crcAt = payload.length - 8;
  if (crcAt < 0 || payload.slice(crcAt, crcAt + 4) !== '6304')
    return { ok: false, problem: 'malformed' };
  if (crc16CcittFalse(payload.slice(0, crcAt + 4)) !== payload.slice(crcAt + 4).toUpperCase()) {
    return { ok: false, problem: 'crc_mismatch' };
  }
  const fields = readFields(payload);
  const napas = readFields(fields?.get('38') ?? '');
  const beneficiary = readFields(napas?.get('01') ?? '');
  if (!fields || !napas || !beneficiary) return { ok: false, problem: 'malformed' };
  const bankBin = beneficiary.get('00');
  const virtualAccount = beneficiary.get('01');
  const amount = Number(fields.get('54'));
  if (napas.get('00') !== 'A000000727' || !bankBin || !virtualAccount) {
    return { ok: false, problem: 'not_vietqr' };
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) return { ok: false, problem: 'malformed' };
  return { ok: true, qr: { bankBin, virtualAccount, amount } };
}
