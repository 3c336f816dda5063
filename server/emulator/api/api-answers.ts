// The JSON envelopes of the sb-openapi role, built with their keys in the order real responses use
// (docs/zalopay-protocol.md §3.6, §3.7, §4.2): JSON.stringify keeps insertion order, so the order here is the wire order.
import type { EmulatorSettings } from '../settings';
import { subCodeMessage } from '../settings';

/** What an API handler produced: the body to send, and why (for GET /admin/requests only). */
export interface ApiOutcome {
  body: Record<string, unknown>;
  note: string;
}

export function envelope(
  returnCode: number,
  returnMessage: string,
  subCode: number,
  subMessage: string,
) {
  return {
    return_code: returnCode,
    return_message: returnMessage,
    sub_return_code: subCode,
    sub_return_message: subMessage,
  };
}

export function successEnvelope(settings: EmulatorSettings) {
  return envelope(1, settings.messages.success, 1, settings.messages.success);
}

/** A business failure: `return_code: 2` with a sub code (-54, -68, -101, -13, ...). */
export function failedEnvelope(settings: EmulatorSettings, subCode: number) {
  return envelope(2, settings.messages.failed, subCode, subCodeMessage(settings, subCode));
}

/** A gateway-level rejection (-401 data, -402 app or MAC, -429 rate limit, -500 system). */
export function rejection(settings: EmulatorSettings, subCode: number, note: string): ApiOutcome {
  return {
    body: envelope(
      settings.errorReturnCode,
      settings.messages.failed,
      subCode,
      subCodeMessage(settings, subCode),
    ),
    note,
  };
}
