// The EMVCo / NAPAS VietQR string that create returns as `qr_code` (zalopay-api.md §3.6): a list of
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
