// @vitest-environment jsdom
// The gateway page as a shopper meets it: rendered HTML read through the DOM by role and label, its
// forms posted like a browser would, the 302 back to the merchant, cancel and declined cards; in
// Vietnamese by default and in English with ?lang=en, titled with the app's name.
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
  emulator = await startEmulator({
    now: () => NOW,
    apps: [
      {
        appId: 2553,
        key1: KEY1_2553,
        key2: KEY2_2553,
        name: 'Tiệm Cà Phê Sữa Đá',
        issueQrCode: true,
        cashierOrderUrl: true,
      },
    ],
  });
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
  it('shows the merchant, the amount in VND, the escaped description, the time left and the three actions, in Vietnamese', async () => {
    const { status, html, doc, parsed } = await loadPage(orderUrl);
    expect(status).toBe(200);
    expect(parsed.documentElement.getAttribute('lang')).toBe('vi');
    expect(parsed.title).toBe('Thanh toán cho Tiệm Cà Phê Sữa Đá');
    expect(parsed.querySelector('meta[name=viewport]')).not.toBeNull();
    // Nothing is loaded from elsewhere: the one link is the page itself in English.
    expect(html).not.toMatch(/\bsrc="(?!data:)|<link[^>]+href="(?!data:)|url\(|@import/);

    const vnd = new Intl.NumberFormat('vi-VN', {
      style: 'currency',
      currency: 'VND',
      maximumFractionDigits: 0,
    }).format(125000);
    expect(doc.querySelector('[data-testid=amount]')?.textContent).toBe(vnd);
    expect(vnd).toMatch(/^125\.000\s₫$/);
    expect(getByRole(doc.body, 'heading', { level: 1 }).textContent).toBe(
      'Thanh toán cho Tiệm Cà Phê Sữa Đá',
    );
    expect(html).toContain('Áo thun &lt;b&gt;đỏ&lt;/b&gt; &amp; &quot;quần&quot;');
    expect(getByRole(doc.body, 'timer').textContent).toBe('14:00');

    getByRole(doc.body, 'button', { name: 'Thanh toán bằng ví ZaloPay' });
    getByRole(doc.body, 'button', { name: 'Thanh toán bằng thẻ' });
    getByRole(doc.body, 'button', { name: 'Hủy thanh toán' });
    expect(getByLabelText(doc.body, 'Thẻ thử nghiệm').tagName).toBe('SELECT');
    const english = getByRole(doc.body, 'link', { name: 'English' });
    expect(english.getAttribute('lang')).toBe('en');
    const switched = await loadPage(new URL(english.getAttribute('href') ?? '', orderUrl).href);
    expect(switched.status).toBe(200);
    expect(switched.parsed.documentElement.getAttribute('lang')).toBe('en');
    expect(switched.parsed.title).toBe('Pay Tiệm Cà Phê Sữa Đá');
  });

  it('switches to English with ?lang=en, and the forms keep the language', async () => {
    const { doc, parsed } = await loadPage(`${orderUrl}&lang=en`);
    expect(parsed.documentElement.getAttribute('lang')).toBe('en');
    expect(parsed.title).toBe('Pay Tiệm Cà Phê Sữa Đá');
    expect(getByRole(doc.body, 'heading', { level: 1 }).textContent).toBe('Pay Tiệm Cà Phê Sữa Đá');
    getByRole(doc.body, 'button', { name: 'Pay with ZaloPay wallet' });
    getByRole(doc.body, 'button', { name: 'Cancel' });
    getByRole(doc.body, 'link', { name: 'Tiếng Việt' });
    const select = getByLabelText(doc.body, 'Test card');
    if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
    expect(select.options[2]?.textContent).toBe('Insufficient funds · ATM SBI 9704 5400 0000 0047');

    // A card that is no test card: the answer to the English form is English.
    const form = formOf(getByRole(doc.body, 'button', { name: 'Pay by card' }));
    const option = document.createElement('option');
    option.value = '1234';
    select.append(option);
    select.value = '1234';
    const refused = await submit(form);
    expect(refused.status).toBe(400);
    const answer = new DOMParser().parseFromString(await refused.text(), 'text/html');
    expect(answer.documentElement.getAttribute('lang')).toBe('en');
    expect(answer.querySelector('[role=alert]')?.textContent).toBe(
      'That is not one of the sandbox test cards.',
    );
  });

  it('names an app given without a name "Merchant app <id>", and the built-in 2553 "Cửa hàng demo 2553"', async () => {
    const plain = await startEmulator({ now: () => NOW });
    try {
      const mac = hmac(KEY1_2553, `2553|240101_plain|u|1000|1704067200000|{}|[]`);
      const created = await fetch(`${plain.url}/v2/create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          app_id: 2553,
          app_user: 'u',
          app_trans_id: '240101_plain',
          app_time: 1704067200000,
          amount: 1000,
          description: 'x',
          item: '[]',
          embed_data: '{}',
          mac,
        }),
      });
      const link = z.object({ order_url: z.string() }).parse(await created.json()).order_url;
      const { parsed } = await loadPage(link);
      expect(parsed.title).toBe('Thanh toán cho Cửa hàng demo 2553');
    } finally {
      await plain.close();
    }
  });

  it('pays with the wallet: 302 to the redirect URL with a valid checksum, after the callback', async () => {
    const { doc } = await loadPage(orderUrl);
    const response = await submit(
      formOf(getByRole(doc.body, 'button', { name: 'Thanh toán bằng ví ZaloPay' })),
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
      'Đơn hàng này đã được thanh toán',
    );
    expect(
      queryByRole(again.doc.body, 'button', { name: 'Thanh toán bằng ví ZaloPay' }),
    ).toBeNull();
  });

  it('pays with the Visa test card: pmcid 36 and bankcode CC', async () => {
    const { doc } = await loadPage(orderUrl);
    const select = getByLabelText(doc.body, 'Thẻ thử nghiệm');
    if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
    select.value = '4111111111111111';
    const response = await submit(
      formOf(getByRole(doc.body, 'button', { name: 'Thanh toán bằng thẻ' })),
    );
    const params = new URL(response.headers.get('location') ?? '').searchParams;
    expect([params.get('pmcid'), params.get('bankcode'), params.get('status')]).toEqual([
      '36',
      'CC',
      '1',
    ]);
  });

  it('declines the insufficient-funds card: failure redirect, no callback, order still payable', async () => {
    const { doc } = await loadPage(orderUrl);
    const select = getByLabelText(doc.body, 'Thẻ thử nghiệm');
    if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
    select.value = '9704540000000047';
    const response = await submit(
      formOf(getByRole(doc.body, 'button', { name: 'Thanh toán bằng thẻ' })),
    );

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
    const response = await submit(
      formOf(getByRole(doc.body, 'button', { name: 'Hủy thanh toán' })),
    );

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
      'Đơn hàng này đã hết hạn',
    );
    const expiredEn = await loadPage(`${orderUrl}&lang=en`);
    expect(getByRole(expiredEn.doc.body, 'heading', { level: 1 }).textContent).toBe(
      'This order has expired',
    );

    const unknown = await loadPage(
      `${emulator.url}/openinapp?order=${Buffer.from('{"zptranstoken":"ACnope","appid":2553}').toString('base64')}`,
    );
    expect(unknown.status).toBe(404);
    expect(getByRole(unknown.doc.body, 'heading', { level: 1 }).textContent).toBe(
      'Không tìm thấy đơn hàng',
    );
    expect((await loadPage(`${emulator.url}/openinapp?order=%%%`)).status).toBe(404);
  });

  it('serves the same page on the cashier_order_url path', async () => {
    const { status, doc } = await loadPage(orderUrl.replace('/openinapp?', '/pay-order?'));
    expect(status).toBe(200);
    getByRole(doc.body, 'button', { name: 'Thanh toán bằng ví ZaloPay' });
  });
});
