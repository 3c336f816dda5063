// The `Checkout-Signature` header of our webhooks, in the shape Stripe made familiar:
// `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, one `v1=` per secret so a secret
// can be rotated without a gap. Receivers use verifyWebhook; the delivery worker uses signWebhook.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Checkout-Signature';

function hmacHex(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value for a body sent at `timestamp` (unix seconds), signed with every secret. */
export function signWebhook(
  rawBody: string | Buffer,
  secrets: readonly string[],
  timestamp: number,
): string {
  return [
    `t=${timestamp}`,
    ...secrets.map((secret) => `v1=${hmacHex(secret, timestamp, rawBody)}`),
  ].join(',');
}

export interface VerifyOptions {
  /** How old (or how far in the future) `t` may be; default 300 seconds. */
  toleranceSeconds?: number;
  /** Unix seconds now; default the system clock. */
  now?: number;
}

export type WebhookVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed_header' | 'stale_timestamp' | 'no_matching_signature' };

/**
 * Checks a webhook request: `rawBody` exactly as received (before any JSON parsing), the
 * Checkout-Signature header, and the secrets the receiver holds (any one matching is enough). The
 * compare is constant-time; a timestamp outside the tolerance is refused, so a captured request
 * cannot be replayed later.
 */
export function verifyWebhook(
  rawBody: string | Buffer,
  header: string | undefined,
  secrets: readonly string[],
  { toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) }: VerifyOptions = {},
): WebhookVerification {
  if (!header) return { ok: false, reason: 'malformed_header' };
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) {
    return { ok: false, reason: 'malformed_header' };
  }
  if (Math.abs(now - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale_timestamp' };
  for (const secret of secrets) {
    const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
    if (signatures.some((signature) => timingSafeEqual(signature, expected))) {
      return { ok: true, timestamp };
    }
  }
  return { ok: false, reason: 'no_matching_signature' };
}
