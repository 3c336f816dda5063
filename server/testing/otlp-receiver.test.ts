// The test receiver reads what OpenTelemetry's own exporters send, in both encodings: spans with their
// ids, parents, attributes and events when keeping them, only their number when counting (the benchmark).
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { context, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';

let receiver: OtlpReceiver | undefined;
afterEach(() => receiver?.close());

/** Sends a parent span and two children, one with an event, through the exporter of `encoding`. */
async function exportThreeSpans(url: string, encoding: 'protobuf' | 'json'): Promise<void> {
  const options = { url: `${url}/v1/traces` };
  const exporter =
    encoding === 'protobuf' ? new ProtobufExporter(options) : new JsonExporter(options);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'receiver-test' }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer('receiver-test');
  const parent = tracer.startSpan('parent', { attributes: { 'zalopay.app_trans_id': '261205_1' } });
  const inParent = trace.setSpan(context.active(), parent);
  const child = tracer.startSpan('child', { attributes: { attempt: 2, paid: true } }, inParent);
  child.addEvent('payment input applied: PENDING->PAID');
  child.end();
  tracer.startSpan('db select', { attributes: { 'db.query.text': 'select 1' } }, inParent).end();
  parent.end();
  await provider.forceFlush();
  await provider.shutdown();
}

describe.each(['protobuf', 'json'] as const)('the OTLP receiver, %s', (encoding) => {
  it('keeps every span with its ids, parent, attributes, events and resource', async () => {
    receiver = await startOtlpReceiver();
    await exportThreeSpans(receiver.url, encoding);
    const spans = receiver.spans();
    expect(spans.map((span) => span.name).sort()).toEqual(['child', 'db select', 'parent']);
    const parent = spans.find((span) => span.name === 'parent')!;
    const child = spans.find((span) => span.name === 'child')!;
    expect(parent.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(parent.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(parent.parentSpanId).toBeUndefined();
    expect(child.traceId).toBe(parent.traceId);
    expect(child.parentSpanId).toBe(parent.spanId);
    expect(parent.attributes).toEqual({ 'zalopay.app_trans_id': '261205_1' });
    expect(child.attributes).toEqual({ attempt: 2, paid: true });
    expect(child.events).toEqual(['payment input applied: PENDING->PAID']);
    expect(child.resource['service.name']).toBe('receiver-test');
    expect(receiver.spanCount()).toBe(3);
    expect(receiver.requests()[encoding]).toBeGreaterThan(0);
    expect(receiver.refused()).toBe(0);
  });

  it('only counts them when asked to', async () => {
    receiver = await startOtlpReceiver({ countOnly: true });
    await exportThreeSpans(receiver.url, encoding);
    expect(receiver.spanCount()).toBe(3);
    expect(receiver.spans()).toEqual([]);
    expect(receiver.refused()).toBe(0);
  });
});

it('refuses what is not a trace export', async () => {
  receiver = await startOtlpReceiver({ countOnly: true });
  const garbage = await fetch(`${receiver.url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-protobuf' },
    body: new Uint8Array([0x0a, 0xff, 0xff]),
  });
  const wrongPath = await fetch(`${receiver.url}/v1/metrics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"resourceSpans":[]}',
  });
  expect([garbage.status, wrongPath.status]).toEqual([400, 400]);
  expect(receiver.refused()).toBe(2);
  expect(receiver.spanCount()).toBe(0);
});
