// Vietnam time (Asia/Ho_Chi_Minh, GMT+7), as ZaloPay and the shop reckon it, whatever zone the host or the
// browser is in: the one place the date and clock of an instant in Vietnam are worked out. The shopper's
// receipt (client/format), the operator pages and ZaloPay's yymmdd prefix (server/zalopay) format these parts.
const VIETNAM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The date and clock in Vietnam, each zero-padded: year "2026", month "11", day "25", hour "14"… */
export interface VietnamParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** 2026-11-25T07:05:09Z -> { year: '2026', month: '11', day: '25', hour: '14', minute: '05', second: '09' }. */
export function vietnamParts(instant: Date): VietnamParts {
  const parts = Object.fromEntries(
    VIETNAM_PARTS.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  };
}
