// A request log entry as GET /admin/requests returns it and the inspector reads it: snake_case like
// the rest of the admin API, callback deliveries as they stand at the moment of the call.
import type { RequestLogEntry } from './request-log';
import { callbackAttemptView } from './callback-attempt-view';

export function requestView(entry: RequestLogEntry) {
  return {
    id: entry.id,
    at: entry.at,
    kind: entry.kind,
    endpoint: entry.endpoint,
    app_id: entry.appId,
    app_trans_id: entry.appTransId,
    raw: entry.raw && {
      method: entry.raw.method,
      url: entry.raw.url,
      content_type: entry.raw.contentType,
      body: entry.raw.body,
    },
    params: entry.params,
    mac: entry.mac && {
      formula: entry.mac.formula,
      signed_string: entry.mac.signedString,
      key: entry.mac.key,
      expected: entry.mac.expected,
      received: entry.mac.received,
      matches: entry.mac.matches,
    },
    response: entry.response,
    note: entry.note,
    hints: entry.hints,
    deliveries: entry.deliveries?.map(callbackAttemptView) ?? null,
  };
}
