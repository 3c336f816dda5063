// Every instant on the operator pages reads in Vietnam time (Asia/Ho_Chi_Minh, GMT+7), as ZaloPay and the
// shop reckon it, whatever zone the server or the operator's browser is in.
import { formatVietnamTime } from '../../../client/format/vietnam-time';

/** dd/MM/yyyy HH:mm in Vietnam (the receipt's formatter), with the exact instant in `datetime`. */
export function VietnamTime({ at }: { at: Date | null }) {
  if (!at) return null;
  return (
    <time dateTime={at.toISOString()} title="Vietnam time (GMT+7)">
      {formatVietnamTime(at)}
    </time>
  );
}
