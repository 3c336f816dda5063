// Which `yymmdd` prefixes of app_trans_id create accepts (docs/zalopay-protocol.md §3.5). The official quickstarts
// take the date from the server's local clock, and run on UTC hosts against the real sandbox, so the
// default accepts the date of this moment in any time zone; the strict profile only Vietnam's.
import { vietnamYymmdd } from '../../zalopay/vietnam-date';
import type { EmulatorSettings } from '../settings';

const HOUR_MS = 3_600_000;

/** `yymmdd` of an instant at a fixed offset from UTC. */
function yymmddAtOffset(epochMs: number, offsetHours: number): string {
  return new Date(epochMs + offsetHours * HOUR_MS).toISOString().slice(2, 10).replaceAll('-', '');
}

/** The dates this instant has somewhere on Earth: UTC-12 to UTC+14 (one, two or three dates). */
export function datesAnywhere(epochMs: number): string[] {
  return [...new Set([-12, 0, 14].map((offset) => yymmddAtOffset(epochMs, offset)))];
}

export type DatePrefixVerdict = { accepted: true } | { accepted: false; reason: string };

export function checkDatePrefix(
  appTransId: string,
  now: number,
  check: EmulatorSettings['datePrefixCheck'],
): DatePrefixVerdict {
  if (check === 'off') return { accepted: true };
  const vietnam = vietnamYymmdd(now);
  if (appTransId.startsWith(vietnam)) return { accepted: true };
  if (check === 'any_time_zone') {
    const anywhere = datesAnywhere(now);
    if (anywhere.some((date) => appTransId.startsWith(date))) return { accepted: true };
    return {
      accepted: false,
      reason: `app_trans_id does not start with a date of today (${anywhere.join(', ')}; Vietnam: ${vietnam})`,
    };
  }
  return {
    accepted: false,
    reason: `app_trans_id does not start with today's Vietnam date ${vietnam}`,
  };
}

/**
 * A plain-words explanation when the prefix is today's date somewhere else than Vietnam: the classic
 * `moment().format('YYMMDD')` on a UTC server. Null when the prefix is Vietnam's date or no date of today.
 */
export function wrongTimeZoneHint(
  id: string,
  now: number,
  field: 'app_trans_id' | 'm_refund_id' = 'app_trans_id',
): string | null {
  const vietnam = vietnamYymmdd(now);
  if (id.startsWith(vietnam)) return null;
  const utc = yymmddAtOffset(now, 0);
  const other = datesAnywhere(now).find((date) => id.startsWith(date));
  if (other === undefined) return null;
  const where = other === utc ? 'the UTC date' : 'the date in another time zone';
  return (
    `The ${field} prefix ${other} is ${where}, but ZaloPay wants today's date in Vietnam ` +
    `(Asia/Ho_Chi_Minh, GMT+7): ${vietnam}. Build it with the Vietnam time zone, not the server's.`
  );
}
