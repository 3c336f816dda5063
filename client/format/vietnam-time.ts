// Receipts show when the payment happened in Vietnam time (Asia/Ho_Chi_Minh, GMT+7, as ZaloPay and the
// shop reckon it), dd/MM/yyyy HH:mm, whatever time zone the shopper's browser is set to.
const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "25/11/2026 14:05" for 2026-11-25T07:05Z. */
export function formatVietnamTime(instant: Date): string {
  const parts = Object.fromEntries(
    VIETNAM_TIME.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
