// OTEL_EXPORTER_OTLP_ENDPOINT set: one paid order's spans reach an OTLP/HTTP receiver (in this process):
// the requests, the tRPC procedures, the ZaloPay calls, the database statements and the worker rounds,
// carrying the order's app_trans_id and reference, as protobuf unless JSON is asked for. Unset: tracing
// stays off and nothing is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrder,
  postJson,
  startTestCheckout,
  type TestCheckout,
} from '../testing/checkout-harness';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../testing/otlp-receiver';
import { testDatabaseDrivers } from '../testing/test-database';
import { tracingOn } from './spans';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver?.close());

async function until(check: () => Promise<boolean>, limitMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(testDatabaseDrivers())('traces over OTLP (%s)', (driver) => {
  let shop: TestCheckout;
  let spans: ReceivedSpan[] = [];
  let orderId = '';
  let appTransId = '';

  beforeAll(async () => {
    const before = receiver.spans().length;
    shop = await startTestCheckout(driver, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'checkout-under-test',
      POLL_TICK_MS: '200',
    });
    expect(tracingOn()).toBe(true);
    const base = shop.checkout.url;
    const order = await postJson(`${base}/api/orders`, {
      lines: [{ sku: 'banh-mi', quantity: 2 }],
    });
    orderId = String(((await order.json()) as { order_id: string }).order_id);
    const created = await postJson(`${base}/trpc/createPayment`, { json: { orderId } });
    expect(created.status).toBe(200);
    appTransId = String(
      ((await created.json()) as { result: { data: { json: { appTransId: string } } } }).result.data
        .json.appTransId,
    );
    await shop.emulator.pay(appTransId);
    const input = encodeURIComponent(JSON.stringify({ json: { appTransId } }));
    await until(async () => {
      const status = await fetch(`${base}/trpc/getStatus?input=${input}`);
      return (await status.text()).includes('"status":"PAID"');
    });
    await until(async () => {
      const read = await fetch(`${base}/api/orders/${orderId}`);
      return ((await read.json()) as { status: string }).status === 'FULFILLED';
    });
    // Closing flushes the spans still batched; the receiver then holds the whole story.
    await shop.close();
    expect(tracingOn()).toBe(false);
    spans = receiver.spans().slice(before);
  }, 60_000);

  const named = (name: string) => spans.filter((span) => span.name === name);
  const ofTrace = (span: ReceivedSpan) => spans.filter((other) => other.traceId === span.traceId);

  it('names the service and this instance on every span', () => {
    expect(spans.length).toBeGreaterThan(10);
    for (const span of spans) {
      expect(span.resource['service.name']).toBe('checkout-under-test');
      expect(span.resource['service.instance.id']).toMatch(/\/\d+$/);
    }
    expect(receiver.refused()).toBe(0);
    expect(receiver.requests()).toEqual({ protobuf: expect.any(Number), json: 0 });
    expect(receiver.requests().protobuf).toBeGreaterThan(0);
  });

  it('traces the create: its request, the tRPC procedure, the ZaloPay call and its statements, one trace', () => {
    const [procedure] = named('trpc createPayment');
    expect(procedure?.attributes['checkout.order_reference']).toBe(orderId);
    const trace = ofTrace(procedure!);
    const request = trace.find((span) => span.name === 'POST /trpc');
    expect(request).toBeDefined();
    expect(procedure!.parentSpanId).toBe(request!.spanId);
    expect(request!.attributes['http.response.status_code']).toBe(200);
    const create = trace.find((span) => span.name === 'zalopay /v2/create');
    expect(create?.attributes['zalopay.app_trans_id']).toBe(appTransId);
    const statements = trace.filter((span) => span.name.startsWith('db '));
    expect(statements.length).toBeGreaterThan(0);
    expect(
      statements.some((span) => /payment_attempts/.test(String(span.attributes['db.query.text']))),
    ).toBe(true);
  });

  it('traces the callback that paid it, marked with the order', () => {
    const callbacks = named('POST /api/zalopay/callback').filter(
      (span) => span.attributes['zalopay.app_trans_id'] === appTransId,
    );
    expect(callbacks).toHaveLength(1);
    const callback = callbacks[0]!;
    expect(callback.attributes['checkout.order_reference']).toBe(orderId);
    expect(callback.attributes['http.response.status_code']).toBe(200);
    expect(callback.events).toContain('payment input applied: PENDING->PAID');
    expect(ofTrace(callback).some((span) => span.name.startsWith('db '))).toBe(true);
  });

  it("cuts a long statement's text at OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT (2,048 by default)", () => {
    const texts = spans
      .filter((span) => span.name.startsWith('db '))
      .map((span) => String(span.attributes['db.query.text']));
    // The callback's one statement is longer than that: its start is kept.
    expect(texts.some((text) => text.length === 2_048 && text.startsWith('with '))).toBe(true);
    expect(Math.max(...texts.map((text) => text.length))).toBe(2_048);
  });

  it('traces the status reads and the worker rounds that fulfilled it', () => {
    const reads = named('trpc getStatus').filter(
      (span) => span.attributes['zalopay.app_trans_id'] === appTransId,
    );
    expect(reads.length).toBeGreaterThan(0);
    const [delivery] = named('fulfilment delivery').filter(
      (span) => span.attributes['checkout.order_reference'] === orderId,
    );
    expect(delivery?.attributes['zalopay.app_trans_id']).toBe(appTransId);
    const round = ofTrace(delivery!).find((span) => span.name === 'fulfilment round');
    expect(round?.spanId).toBe(delivery!.parentSpanId);
    expect(named('poller round').length).toBeGreaterThan(0);
  });
});

describe('with OTEL_EXPORTER_OTLP_PROTOCOL=http/json', () => {
  it('sends the same spans as OTLP/JSON', async () => {
    const jsonReceiver = await startOtlpReceiver();
    try {
      const shop = await startTestCheckout('pglite', {
        OTEL_EXPORTER_OTLP_ENDPOINT: jsonReceiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      });
      let appTransId = '';
      try {
        appTransId = (await createOrder(shop.checkout.url, 30_000, 'Traced as JSON')).app_trans_id;
      } finally {
        await shop.close();
      }
      const spans = jsonReceiver.spans();
      const request = spans.find((span) => span.name === 'POST /api/payment/create');
      expect(request?.attributes['http.response.status_code']).toBe(201);
      const create = spans.find((span) => span.name === 'zalopay /v2/create');
      expect(create?.attributes['zalopay.app_trans_id']).toBe(appTransId);
      expect(create?.traceId).toBe(request?.traceId);
      expect(jsonReceiver.requests()).toEqual({ protobuf: 0, json: expect.any(Number) });
      expect(jsonReceiver.requests().json).toBeGreaterThan(0);
      expect(jsonReceiver.refused()).toBe(0);
    } finally {
      await jsonReceiver.close();
    }
  });
});

describe('without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('traces nothing and sends nothing', async () => {
    const sent = receiver.spans().length;
    const shop = await startTestCheckout('pglite');
    try {
      expect(tracingOn()).toBe(false);
      await createOrder(shop.checkout.url, 30_000, 'Untraced');
    } finally {
      await shop.close();
    }
    expect(receiver.spans().length).toBe(sent);
  });
});
