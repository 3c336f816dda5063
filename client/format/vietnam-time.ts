// Receipts show when the payment happened in Vietnam time (Asia/Ho_Chi_Minh, GMT+7, as ZaloPay and the
// shop reckon it), whatever time zone the shopper's browser is set to: "04/12/2026 23:57" in Vietnamese,
// and "4 Dec 2026, 23:57" in English, where "04/12" would read as April the 12th to many.
import type { Language } from '../i18n/language';
import { vietnamParts } from '../shared/vietnam-time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25/11/2026 14:05" (vi) or "25 Nov 2026, 14:05" (en) for 2026-11-25T07:05Z. */
export function formatVietnamTime(instant: Date, language: Language = 'vi'): string {
  const parts = vietnamParts(instant);
  const time = `${parts.hour}:${parts.minute}`;
  if (language === 'en') {
    const month = MONTHS[Number(parts.month) - 1];
    return `${Number(parts.day)} ${month} ${parts.year}, ${time}`;
  }
  return `${parts.day}/${parts.month}/${parts.year} ${time}`;
}
