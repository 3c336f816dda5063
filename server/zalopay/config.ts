// The one object a merchant fills in to talk to ZaloPay: app credentials, hosts and transport knobs.
// The adapter never reads the environment; the app builds this from its validated env.
import { z } from 'zod';
import { DEFAULT_CANCEL_CODES, type CancelCodes } from './cancel-order';

export interface ZaloPayConfig {
  /** The merchant app id issued by ZaloPay (2553 and 2554 are the public sandbox apps). */
  appId: number;
  /** Signs our requests to ZaloPay (the "mac key"). */
  key1: string;
  /** Verifies ZaloPay's callbacks and redirect checksums (the "callback key"). */
  key2: string;
  /** e.g. 'https://sb-openapi.zalopay.vn' or 'http://127.0.0.1:3001'; '/v2/create' etc. are appended. */
  apiBaseUrl: string;
  /** e.g. 'https://sbgateway.zalopay.vn'; '/api/getlistmerchantbanks' is appended. */
  gatewayBaseUrl: string;
  /** Per HTTP attempt, default 10_000. */
  timeoutMs?: number;
  /** How many times a safe call is retried after a retryable error, default 2. */
  maxRetries?: number;
  /** First retry delay; each further retry doubles it (plus jitter). Default 300. */
  retryBaseDelayMs?: number;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Epoch ms, default Date.now (refund timestamps, query_refund and bank list reqtime). */
  now?: () => number;
  /** How cancel answers are read (UNCONFIRMED codes); default DEFAULT_CANCEL_CODES. */
  cancelCodes?: CancelCodes;
}

/** The config with every default applied and the base URLs stripped of trailing slashes. */
export interface ResolvedZaloPayConfig {
  appId: number;
  key1: string;
  key2: string;
  apiBaseUrl: string;
  gatewayBaseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  fetch: typeof fetch;
  now: () => number;
  cancelCodes: CancelCodes;
}

const baseUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const configSchema = z.object({
  appId: z.int().positive(),
  key1: z.string().min(1, 'key1 is required'),
  key2: z.string().min(1, 'key2 is required'),
  apiBaseUrl: baseUrl,
  gatewayBaseUrl: baseUrl,
  timeoutMs: z.int().positive().default(10_000),
  maxRetries: z.int().min(0).max(10).default(2),
  retryBaseDelayMs: z.int().min(0).default(300),
});

/** Applies defaults and rejects an unusable config at start-up rather than on the first payment. */
export function resolveZaloPayConfig(config: ZaloPayConfig): ResolvedZaloPayConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new TypeError(`Invalid ZaloPay config (${problems.join('; ')})`);
  }
  return {
    ...parsed.data,
    fetch: config.fetch ?? globalThis.fetch,
    now: config.now ?? Date.now,
    cancelCodes: config.cancelCodes ?? DEFAULT_CANCEL_CODES,
  };
}
