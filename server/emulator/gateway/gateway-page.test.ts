// @vitest-environment jsdom
// The gateway page as a shopper meets it: rendered HTML read through the DOM by role and label, its
// forms posted like a browser would, the 302 back to the merchant, cancel and declined cards.
import { createHmac } from 'node:crypto';
import { getByLabelText, getByRole, queryByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { startMerchantReceiver } from '../../testing/merchant-receiver';
import type { MerchantReceiver } from '../../testing/merchant-receiver';

const KEY1_2553 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';
const KEY2_2553 = 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz';
const NOW = 1704067260000;
const APP_TRANS_ID = '240101_page1';
const DESCRIPTION = 'Áo thun <b>đỏ</b> & "quần"';
const jsonObject = z.record(z.string(), z.unknown());
const hmac = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

let emulator: RunningEmulator;
let merchant: MerchantReceiver;
let orderUrl: string;

beforeEach(async () => {
  emulator = await startEmulator({ now: () => NOW });
  merchant = await startMerchantReceiver();
  const embedData = '{"redirecturl":"https://merchant.example/return"}';
  const mac = hmac(KEY1_2553, `2553|${APP_TRANS_ID}|user123|125000|1704067200000|${embedData}|[]`);
  const response = await fetch(`${emulator.url}/v2/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      app_id: 2553,
      app_user: 'user123',
      app_trans_id: APP_TRANS_ID,
      app_time: 1704067200000,
      amount: 125000,
      description: DESCRIPTION,
      item: '[]',
      embed_data: embedData,
      callback_url: merchant.url,
      mac,
    }),
  });
  orderUrl = z.object({ order_url: z.string() }).parse(await response.json()).order_url;
});
afterEach(async () => {
  await emulator.close();
  await merchant.close();
});

/** Loads a page into the test's window (queries by role need one); `parsed` keeps the <html> element. */
async function loadPage(
  url: string,
): Promise<{ status: number; html: string; doc: Document; parsed: Document }> {
  const response = await fetch(url);
  const html = await response.text();
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
  return { status: response.status, html, doc: document, parsed };
}

/** Posts a form of the page the way a browser does, without following the redirect. */
async function submit(form: HTMLFormElement): Promise<Response> {
  const fields = new URLSearchParams();
  for (const element of Array.from(form.elements)) {
    if (
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) &&
      element.name
    )
      fields.append(element.name, element.value);
  }
  return fetch(new URL(form.getAttribute('action') ?? '', emulator.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
}

function formOf(button: HTMLElement): HTMLFormElement {
  const form = button.closest('form');
  if (!form) throw new Error('button outside a form');
  expect(form.getAttribute('method')).toBe('post');
  return form;
}

const truth = async () =>
  jsonObject.parse(await (await fetch(`${emulator.url}/admin/orders/${APP_TRANS_ID}`)).json());

describe('the gateway page', () => {
  it('shows the merchant, the amount in VND, the escaped description, the time left and the three actions', async () => {
    const { status, html, doc, parsed } = await loadPage(orderUrl);
    expect(status).toBe(200);
    expect(parsed.documentElement.getAttribute('lang')).toBe('en');
    expect(parsed.querySelector('meta[name=viewport]')).not.toBeNull();
    expect(html).not.toMatch(/\b(src|href)="(?!data:)|url\(|@import/);

    const vnd = new Intl.NumberFormat('vi-VN', {
      style: 'currency',
      currency: 'VND',
      maximumFractionDigits: 0,
    }).format(125000);
    expect(doc.querySelector('[data-testid=amount]')?.textContent).toBe(vnd);
    expect(vnd).toMatch(/^125\.000\s₫$/);
    expect(getByRole(doc.body, 'heading', { level: 1 }).textContent).toBe(
      'Pay ZaloPay Sandbox Demo 2553',
    );
    expect(html).toContain('Áo thun &lt;b&gt;đỏ&lt;/b&gt; &amp; &quot;quần&quot;');
    expect(getByRole(doc.body, 'timer').textContent).toBe('14:00');

    getByRole(doc.body, 'button', { name: 'Pay with ZaloPay wallet' });
    getByRole(doc.body, 'button', { name: 'Pay by card' });
    getByRole(doc.body, 'button', { name: 'Cancel' });
    expect(getByLabelText(doc.body, 'Test card').tagName).toBe('SELECT');
  });

  it('pays with the wallet: 302 to the redirect URL with a valid checksum, after the callback', async () => {
    const { doc } = await loadPage(orderUrl);
    const response = await submit(
      formOf(getByRole(doc.body, 'button', { name: 'Pay with ZaloPay wallet' })),
    );

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://merchant.example/return');
    const params = Object.fromEntries(location.searchParams);
    expect(Object.keys(params)).toEqual([
      'amount',
      'appid',
      'apptransid',
      'bankcode',
      'checksum',
      'discountamount',
      'pmcid',
      'status',
    ]);
    expect(params).toMatchObject({
      amount: '125000',
      appid: '2553',
      apptransid: APP_TRANS_ID,
      bankcode: '',
      discountamount: '0',
      pmcid: '38',
      status: '1',
    });
    expect(params.checksum).toBe(hmac(KEY2_2553, `2553|${APP_TRANS_ID}|38||125000|0|1`));
    expect(merchant.received).toHaveLength(1);
    expect(await truth()).toMatchObject({ status: 'paid', channel: 38 });

    const again = await loadPage(orderUrl);
    expect(again.status).toBe(409);
    expect(getByRole(again.doc.body, 'heading', { level: 1 }).textContent).toBe(
      'This order is already paid',
    );
    expect(queryByRole(again.doc.body, 'button', { name: 'Pay with ZaloPay wallet' })).toBeNull();
  });

  it('pays with the Visa test card: pmcid 36 and bankcode CC', async () => {
    const { doc } = await loadPage(orderUrl);
    const select = getByLabelText(doc.body, 'Test card');
    if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
    select.value = '4111111111111111';
    const response = await submit(formOf(getByRole(doc.body, 'button', { name: 'Pay by card' })));
    const params = new URL(response.headers.get('location') ?? '').searchParams;
    expect([params.get('pmcid'), params.get('bankcode'), params.get('status')]).toEqual([
      '36',
      'CC',
      '1',
    ]);
  });

  it('declines the insufficient-funds card: failure redirect, no callback, order still payable', async () => {
    const { doc } = await loadPage(orderUrl);
    const select = getByLabelText(doc.body, 'Test card');
    if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
    select.value = '9704540000000047';
    const response = await submit(formOf(getByRole(doc.body, 'button', { name: 'Pay by card' })));

    expect(response.status).toBe(302);
    const params = new URL(response.headers.get('location') ?? '').searchParams;
    // The one real failed-payment redirect (docs/zalopay-protocol.md §12.3, app 554) reads 38||...|-59.
    expect([params.get('pmcid'), params.get('bankcode'), params.get('status')]).toEqual([
      '38',
      '',
      '-59',
    ]);
    expect(params.get('checksum')).toBe(hmac(KEY2_2553, `2553|${APP_TRANS_ID}|38||125000|0|-59`));
    expect(await truth()).toMatchObject({ status: 'pending', callback: { state: 'not_sent' } });
    expect(merchant.received).toHaveLength(0);
  });

  it('cancels: redirect with pmcid 0, empty bankcode and status -49, and no callback', async () => {
    const { doc } = await loadPage(orderUrl);
    const response = await submit(formOf(getByRole(doc.body, 'button', { name: 'Cancel' })));

    expect(response.status).toBe(302);
    const checksum = hmac(KEY2_2553, `2553|${APP_TRANS_ID}|0||125000|0|-49`);
    expect(response.headers.get('location')).toBe(
      `https://merchant.example/return?amount=125000&appid=2553&apptransid=${APP_TRANS_ID}&bankcode=&checksum=${checksum}&discountamount=0&pmcid=0&status=-49`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(merchant.received).toHaveLength(0);
    expect(await truth()).toMatchObject({ status: 'pending', zp_trans_id: null });
  });

  it('shows a clear page for an expired order and for an unknown one', async () => {
    await fetch(`${emulator.url}/admin/clock`, {
      method: 'POST',
      body: JSON.stringify({ advance_ms: 15 * 60_000 }),
    });
    const expired = await loadPage(orderUrl);
    expect(expired.status).toBe(410);
    expect(getByRole(expired.doc.body, 'heading', { level: 1 }).textContent).toBe(
      'This order has expired',
    );

    const unknown = await loadPage(
      `${emulator.url}/openinapp?order=${Buffer.from('{"zptranstoken":"ACnope","appid":2553}').toString('base64')}`,
    );
    expect(unknown.status).toBe(404);
    expect(getByRole(unknown.doc.body, 'heading', { level: 1 }).textContent).toBe(
      'Order not found',
    );
    expect((await loadPage(`${emulator.url}/openinapp?order=%%%`)).status).toBe(404);
  });

  it('serves the same page on the cashier_order_url path', async () => {
    const { status, doc } = await loadPage(orderUrl.replace('/openinapp?', '/pay-order?'));
    expect(status).toBe(200);
    getByRole(doc.body, 'button', { name: 'Pay with ZaloPay wallet' });
  });
});
