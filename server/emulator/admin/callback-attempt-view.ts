// One callback delivery attempt as the admin API shows it, in an order's view (GET /admin/orders) and in
// the request inspector's log (GET /admin/requests): snake_case like the wire, times on the emulator clock.
import type { CallbackAttempt } from '../emulated-order';

export function callbackAttemptView(attempt: CallbackAttempt) {
  return {
    attempt: attempt.attempt,
    kind: attempt.kind,
    url: attempt.url,
    started_at: attempt.startedAt,
    duration_ms: attempt.durationMs,
    http_status: attempt.httpStatus,
    reply: attempt.reply,
    error: attempt.error,
    mac_corrupted: attempt.macCorrupted,
    accepted: attempt.accepted,
  };
}
