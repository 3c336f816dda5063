// Case 5: the shopper's side. The initial JavaScript's gzip size, then in a real headless Chromium on the
// desktop page: from the "Pay" click to a visible QR, and from the payment (callback) to the success state.
import { chromium, type Page } from '@playwright/test';
import { z } from 'zod';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium-path';
import { emulatorAdminClient } from '../emulator/admin/admin-client';
import { below, figure, type CaseResult } from './benchmark-result';
import type { InitialScripts } from './client-bundle';
import { summarize } from './percentiles';

export interface ShopperPlan {
  iterations: number;
  warmUp: number;
}

const QR_SELECTOR = '[role="img"][aria-label="ZaloPay QR code"]';
const SUCCESS_HEADING = 'Payment successful';

/**
 * Runs in the page (a string, so the bundler's helpers never reach it): timestamps the click, and the
 * first animation frame after the QR, then the success heading, are in the document.
 */
const INSTALL_TIMERS = `(() => {
  const marks = {};
  window.benchMarks = marks;
  document.addEventListener('click', () => { marks.clickedAt ??= performance.now(); }, { capture: true });
  const seen = (key, found) => {
    if (marks[key] !== undefined || !found()) return;
    marks[key] = -1;
    requestAnimationFrame(() => { marks[key] = performance.now(); marks[key + 'Epoch'] = Date.now(); });
  };
  const check = () => {
    seen('qrShownAt', () => document.querySelector(${JSON.stringify(QR_SELECTOR)}) !== null);
    seen('successShownAt', () => [...document.querySelectorAll('h1, h2')]
      .some((heading) => heading.textContent.trim() === ${JSON.stringify(SUCCESS_HEADING)}));
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

const marksSchema = z.object({
  clickedAt: z.number(),
  qrShownAt: z.number(),
  successShownAtEpoch: z.number().optional(),
});

async function readMarks(page: Page) {
  return marksSchema.parse(await page.evaluate(() => Reflect.get(window, 'benchMarks')));
}

async function payOnce(page: Page, checkoutUrl: string, emulatorUrl: string) {
  await page.goto(`${checkoutUrl}/`);
  const pay = page.getByRole('button', { name: 'Pay with ZaloPay' });
  await pay.waitFor();
  // The shop starts with an empty cart (issue 21): one of the first product, so Pay is enabled.
  await page.getByRole('spinbutton').first().fill('1');
  await page.evaluate(INSTALL_TIMERS);
  const created = page.waitForResponse(
    (r) => r.url().includes('/trpc/createPayment') && r.status() === 200,
  );
  await pay.click();
  const appTransId = JSON.stringify(await (await created).json()).match(
    /"appTransId":"([^"]+)"/,
  )?.[1];
  if (!appTransId) throw new Error('createPayment gave no appTransId');
  await page.getByRole('img', { name: 'ZaloPay QR code' }).waitFor();
  await page.waitForFunction(
    () => Reflect.get(Reflect.get(window, 'benchMarks'), 'qrShownAt') !== -1,
  );

  const paidAt = Date.now();
  await emulatorAdminClient(emulatorUrl).pay(appTransId, { channel: 38 });
  await page.getByRole('heading', { name: SUCCESS_HEADING }).waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    () => typeof Reflect.get(Reflect.get(window, 'benchMarks'), 'successShownAtEpoch') === 'number',
  );
  const marks = await readMarks(page);
  return {
    payToQrMs: marks.qrShownAt - marks.clickedAt,
    callbackToSuccessMs: (marks.successShownAtEpoch ?? Number.NaN) - paidAt,
  };
}

export async function runShopper(
  targets: { checkoutUrl: string; emulatorUrl: string },
  bundle: InitialScripts,
  plan: ShopperPlan,
): Promise<CaseResult> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const payToQr: number[] = [];
  const callbackToSuccess: number[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    for (let i = 0; i < plan.warmUp + plan.iterations; i += 1) {
      const page = await context.newPage();
      const timing = await payOnce(page, targets.checkoutUrl, targets.emulatorUrl);
      await page.close();
      if (i < plan.warmUp) continue;
      payToQr.push(timing.payToQrMs);
      callbackToSuccess.push(timing.callbackToSuccessMs);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  const qr = summarize(payToQr);
  const success = summarize(callbackToSuccess);
  return {
    id: 'shopper',
    title: 'The shopper',
    figures: [
      figure('initial JavaScript, gzip', bundle.gzipBytes / 1024, 'KB', below(100)),
      figure('initial JavaScript, uncompressed', bundle.rawBytes / 1024, 'KB'),
      figure('"Pay" to visible QR: p50', qr.p50, 'ms'),
      figure('"Pay" to visible QR: p95', qr.p95, 'ms', below(300)),
      figure('callback to success state: p50', success.p50, 'ms'),
      figure('callback to success state: p95', success.p95, 'ms', below(1_000)),
    ],
    notes: [
      `Initial JavaScript: ${bundle.files.map((f) => `\`${f}\``).join(', ')} (the entry script and its modulepreloads in the built index.html), gzip level 6 as a web server would send it; lazily loaded chunks are not counted.`,
      `Browser: headless Chromium (e2e/chromium-path.ts), desktop viewport 1280×800, ${plan.iterations} payments after ${plan.warmUp} warm-up ones, each on a fresh page of one browser context. Times are taken inside the page: the click (capture listener) to the first animation frame after the QR is in the document; and from just before the emulator is told to pay (POST /admin/orders/:id/pay, which sends the signed callback) to the first frame after the success heading appears (live status over SSE, fed by LISTEN/NOTIFY).`,
    ],
  };
}
