// Case: what the merchant API adds to making an order. Each round makes the same order of the demo cart
// twice, side by side on one running checkout: POST /api/orders (the shop front end's REST call) and
// POST /api/v1/orders with a Bearer key and an Idempotency-Key (the key read, the idempotency claim and
// the stored answer). The order of the two alternates per round, so neither always runs on a warmer cache.
import os from 'node:os';
import { z } from 'zod';
import type { Database } from '../../db/create-db';
import { issueApiKey } from '../api-keys/api-keys';
import { below, figure, type CaseResult } from './benchmark-result';
import { loadAverage } from './machine-info';
import { summarize } from './percentiles';

export interface MerchantApiPlan {
  warmUp: number;
  rounds: number;
}

const LINES = [
  { sku: 'ca-phe-sua-da', quantity: 2 },
  { sku: 'banh-mi', quantity: 1 },
  { sku: 'banh-flan', quantity: 1 },
];
const CART_TOTAL = 125_000;
const shopBody = JSON.stringify({ lines: LINES });
const apiBody = JSON.stringify({ lines: LINES, merchant_reference: 'BENCH-1' });
const orderSchema = z.object({ order_id: z.string(), total: z.literal(CART_TOTAL) });

/** A key for the run, stored before the checkout starts (a PGlite folder is then the checkout's). */
export async function benchApiKey(db: Database): Promise<string> {
  return (await issueApiKey(db, 'benchmark')).key;
}

async function timedPost(url: string, body: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 201) throw new Error(`${url} answered ${response.status}: ${text}`);
  orderSchema.parse(JSON.parse(text));
  return elapsed;
}

export async function runMerchantApiCreate(
  checkoutUrl: string,
  apiKey: string,
  plan: MerchantApiPlan,
): Promise<CaseResult> {
  let sequence = 0;
  const shop = () => timedPost(`${checkoutUrl}/api/orders`, shopBody, {});
  const api = (idempotent: boolean) => {
    sequence += 1;
    return timedPost(`${checkoutUrl}/api/v1/orders`, apiBody, {
      authorization: `Bearer ${apiKey}`,
      ...(idempotent ? { 'idempotency-key': `bench-${Date.now()}-${sequence}` } : {}),
    });
  };
  const loadAtStart = loadAverage();
  for (let i = 0; i < plan.warmUp; i += 1) {
    await shop();
    await api(true);
    await api(false);
  }
  const shopMs: number[] = [];
  const apiMs: number[] = [];
  const plainApiMs: number[] = [];
  for (let i = 0; i < plan.rounds; i += 1) {
    if (i % 2 === 0) {
      shopMs.push(await shop());
      apiMs.push(await api(true));
      plainApiMs.push(await api(false));
    } else {
      plainApiMs.push(await api(false));
      apiMs.push(await api(true));
      shopMs.push(await shop());
    }
  }
  const rest = summarize(shopMs);
  const merchant = summarize(apiMs);
  const plain = summarize(plainApiMs);
  return {
    id: 'merchant-api',
    title: 'Merchant API order against the shop REST order',
    figures: [
      figure('POST /api/orders: p50', rest.p50, 'ms'),
      figure('POST /api/orders: p99', rest.p99, 'ms'),
      figure('POST /api/v1/orders with Idempotency-Key: p50', merchant.p50, 'ms'),
      figure('POST /api/v1/orders with Idempotency-Key: p99', merchant.p99, 'ms'),
      figure(
        'POST /api/v1/orders with Idempotency-Key, added over POST /api/orders: p50',
        merchant.p50 - rest.p50,
        'ms',
        below(5),
      ),
      figure('POST /api/v1/orders without Idempotency-Key: p50', plain.p50, 'ms'),
      figure(
        'POST /api/v1/orders without Idempotency-Key, added over POST /api/orders: p50',
        plain.p50 - rest.p50,
        'ms',
        below(5),
      ),
    ],
    notes: [
      `${plan.rounds} rounds after ${plan.warmUp} warm-up rounds, one request at a time against one running checkout, the three requests of a round in alternating order. Each makes an order of the demo cart (125,000 VND); the merchant API's also carries a merchant_reference, a Bearer key (read from the database on every request) and, in one of the two, a fresh Idempotency-Key (claimed, then the answer stored before it is sent). "Added" is the difference of the p50s. The issue's target: under 5 ms.`,
      `1-minute load average ${loadAtStart.toFixed(2)} when this case started, ${loadAverage().toFixed(2)} when it ended, on ${os.cpus().length} cores shared with whatever else ran on the machine.`,
    ],
  };
}
