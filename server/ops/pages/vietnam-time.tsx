// Every instant on the operator pages reads in Vietnam time (Asia/Ho_Chi_Minh, GMT+7), as ZaloPay and the
// shop reckon it, whatever zone the server or the operator's browser is in, to the second: the events of
// one payment happen within the same minute.
import { vietnamParts } from '../../../client/shared/vietnam-time';

/** "25/11/2026 14:05:09" for 2026-11-25T07:05:09Z. */
export function formatOperatorTime(instant: Date): string {
  const parts = vietnamParts(instant);
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** dd/MM/yyyy HH:mm:ss in Vietnam, with the exact instant in `datetime`. */
export function VietnamTime({ at }: { at: Date | null }) {
  if (!at) return null;
  return (
    <time dateTime={at.toISOString()} title="Vietnam time (GMT+7)">
      {formatOperatorTime(at)}
    </time>
  );
}
