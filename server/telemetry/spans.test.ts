// inSpan and inLeafSpan with the SDK running: each span ends once its work is done, a failure marks it
// with the error, and a leaf span is never the parent of what runs inside it.
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inLeafSpan, inSpan, useTracing } from './spans';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  useTracing({ tracer: provider.getTracer('spans-test'), errorCode: SpanStatusCode.ERROR });
});
afterAll(async () => {
  useTracing(undefined);
  await provider.shutdown();
  context.disable();
});
beforeEach(() => exporter.reset());

const finished = (name: string) => exporter.getFinishedSpans().find((span) => span.name === name);

describe('spans', () => {
  it('ends a span after its work, with its attributes, and nests what runs inside an inSpan', async () => {
    const value = await inSpan('outer', { 'rpc.method': 'getStatus' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return inLeafSpan('db select', { 'db.query.text': 'select 1' }, async () => 42);
    });
    expect(value).toBe(42);
    const outer = finished('outer')!;
    const statement = finished('db select')!;
    expect(outer.attributes['rpc.method']).toBe('getStatus');
    expect(statement.attributes['db.query.text']).toBe('select 1');
    expect(statement.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(outer.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('marks a failed span with its error, ends it and lets the error through', async () => {
    const failure = new Error('connection terminated');
    await expect(inSpan('outer', {}, () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(inLeafSpan('db update', {}, () => Promise.reject(failure))).rejects.toBe(failure);
    for (const name of ['outer', 'db update']) {
      const span = finished(name)!;
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.events.map((event) => event.name)).toEqual(['exception']);
    }
  });

  it('never makes a leaf span the active one', async () => {
    let activeInside: string | undefined;
    await inSpan('request', {}, () =>
      inLeafSpan('db select', {}, async () => {
        activeInside = trace.getActiveSpan()?.spanContext().spanId;
      }),
    );
    expect(activeInside).toBe(finished('request')!.spanContext().spanId);
  });
});
