// Case 3: what the checkout adds to a create. Each round trip through the checkout (tRPC createPayment:
// validate, record PENDING, sign, POST /v2/create to the emulator, record the answer) is paired with the
// same signed create sent straight to the emulator from here; the difference is the checkout's own cost.
import { below, figure, type CaseResult } from './benchmark-result';
import { summarize } from './percentiles';
import { createZaloPayClient, newAppTransId } from '../zalopay';
import { PUBLIC_SANDBOX_APPS } from '../sandbox/public-apps';
import { BENCH_AMOUNT, BENCH_APP_USER, BENCH_EMBED_DATA } from './seed-orders';

export interface CreatePaymentPlan {
  warmUp: number;
  rounds: number;
}

const createBody = JSON.stringify({
  json: { amount: BENCH_AMOUNT, description: 'Benchmark create' },
});

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function runCreatePayment(
  targets: { checkoutUrl: string; emulatorUrl: string; callbackUrl: string },
  plan: CreatePaymentPlan,
): Promise<CaseResult> {
  const app = PUBLIC_SANDBOX_APPS[0];
  if (!app) throw new Error('No public sandbox app');
  const zalopay = createZaloPayClient({
    appId: app.appId,
    key1: app.key1,
    key2: app.key2,
    apiBaseUrl: targets.emulatorUrl,
    gatewayBaseUrl: targets.emulatorUrl,
    maxRetries: 0,
  });

  const direct = () =>
    timed(async () => {
      const outcome = await zalopay.createOrder({
        appTransId: newAppTransId(),
        appUser: BENCH_APP_USER,
        amount: BENCH_AMOUNT,
        appTime: Date.now(),
        description: 'Benchmark create',
        item: '[]',
        embedData: BENCH_EMBED_DATA,
        bankCode: 'zalopayapp',
        callbackUrl: targets.callbackUrl,
        expireDurationSeconds: 900,
      });
      if (outcome.kind !== 'created')
        throw new Error(`The emulator did not create the order: ${outcome.kind}`);
    });
  const throughCheckout = () =>
    timed(async () => {
      const response = await fetch(`${targets.checkoutUrl}/trpc/createPayment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: createBody,
      });
      const text = await response.text();
      if (response.status !== 200)
        throw new Error(`createPayment answered ${response.status}: ${text}`);
    });

  for (let i = 0; i < plan.warmUp; i += 1) {
    await direct();
    await throughCheckout();
  }
  const directMs: number[] = [];
  const checkoutMs: number[] = [];
  for (let i = 0; i < plan.rounds; i += 1) {
    directMs.push(await direct());
    checkoutMs.push(await throughCheckout());
  }
  const emulator = summarize(directMs);
  const checkout = summarize(checkoutMs);
  return {
    id: 'create-payment',
    title: 'createPayment against the emulator',
    figures: [
      figure('emulator round trip alone: p50', emulator.p50, 'ms'),
      figure('emulator round trip alone: p99', emulator.p99, 'ms'),
      figure('through the checkout: p50', checkout.p50, 'ms'),
      figure('through the checkout: p99', checkout.p99, 'ms'),
      figure('added by the checkout: p50', checkout.p50 - emulator.p50, 'ms', below(5)),
      figure('added by the checkout: p99', checkout.p99 - emulator.p99, 'ms'),
    ],
    notes: [
      `${plan.rounds} rounds after ${plan.warmUp} warm-up rounds, one request at a time. Each round sends one signed /v2/create straight to the emulator with the same ZaloPay client the checkout uses, then one tRPC createPayment through the checkout (which calls the same emulator); "added" is the difference of the two distributions' percentiles.`,
      "The emulator runs inside the checkout's process (EMULATOR_EMBEDDED, as in `npm start`), so both paths pay for the same emulator work.",
    ],
  };
}
