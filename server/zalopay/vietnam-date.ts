// ZaloPay reconciles by the calendar date in Vietnam (GMT+7), so every date prefix is computed
// in Asia/Ho_Chi_Minh, never in the server's local zone or in UTC (docs/zalopay-protocol.md §3.5).
const VN_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: '2-digit',
  month: '2-digit',
  day: '2-digit',
});

/** `yymmdd` of the given instant in Vietnam. 1704043800000 (2023-12-31T17:30Z) -> "240101". */
export function vietnamYymmdd(epochMs: number): string {
  const parts = Object.fromEntries(
    VN_DATE.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}`;
}
