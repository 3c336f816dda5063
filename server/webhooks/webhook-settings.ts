// MERCHANT_WEBHOOK_URL, MERCHANT_WEBHOOK_SECRET and MERCHANT_WEBHOOK_ALLOW_PRIVATE, checked once at start
// (server/env/): what can be told without the network here, the DNS check in webhook-destination.ts.
import { isIP } from 'node:net';
import { isNonPublicAddress } from './webhook-destination';

export const MIN_SECRET_LENGTH = 32;

export interface WebhookSettings {
  url: URL;
  /** The first signs as the current secret; all of them sign every delivery (rotation). */
  secrets: string[];
  /** Production: https only and public addresses only, unless allowPrivate. */
  guarded: boolean;
}

export interface RawWebhookSettings {
  url: string | undefined;
  secret: string | undefined;
  allowPrivate: boolean;
  production: boolean;
}

export function webhookSettings(
  raw: RawWebhookSettings,
  problems: string[],
): WebhookSettings | undefined {
  if (!raw.url) {
    if (raw.secret) problems.push('MERCHANT_WEBHOOK_SECRET: set, but MERCHANT_WEBHOOK_URL is not');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw.url);
  } catch {
    problems.push('MERCHANT_WEBHOOK_URL: not a URL');
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push('MERCHANT_WEBHOOK_URL: must be an http(s) URL');
  }
  if (url.username || url.password) {
    problems.push(
      'MERCHANT_WEBHOOK_URL: must not carry credentials (the signature authenticates us)',
    );
  }
  const secrets = (raw.secret ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');
  if (secrets.length === 0) {
    problems.push('MERCHANT_WEBHOOK_SECRET: required when MERCHANT_WEBHOOK_URL is set');
  } else if (secrets.some((secret) => secret.length < MIN_SECRET_LENGTH || /\s/.test(secret))) {
    problems.push(
      `MERCHANT_WEBHOOK_SECRET: each secret must be at least ${MIN_SECRET_LENGTH} characters with no spaces (use a long random value)`,
    );
  }
  // MERCHANT_WEBHOOK_ALLOW_PRIVATE names a receiver on the merchant's own network, where plain http is
  // the merchant's call; on the internet, production webhooks are https only.
  const guarded = raw.production && !raw.allowPrivate;
  if (guarded && url.protocol !== 'https:') {
    problems.push(
      'MERCHANT_WEBHOOK_URL: must be https:// in production (MERCHANT_WEBHOOK_ALLOW_PRIVATE=true allows http to a receiver on your own network)',
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (guarded && (host === 'localhost' || (isIP(host) !== 0 && isNonPublicAddress(host)))) {
    problems.push(
      `MERCHANT_WEBHOOK_URL: ${host} is a loopback, link-local or private address (MERCHANT_WEBHOOK_ALLOW_PRIVATE=true allows it)`,
    );
  }
  return { url, secrets, guarded };
}
