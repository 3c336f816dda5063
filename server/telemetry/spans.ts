// The app's spans. Until tracing.ts starts the OpenTelemetry SDK (OTEL_EXPORTER_OTLP_ENDPOINT set), no
// OpenTelemetry code is even loaded and inSpan() is one branch around the work (docs/decisions/023).
import type { Attributes, Span, Tracer } from '@opentelemetry/api';

/** What tracing.ts hands over once the SDK runs: the tracer and the API's span-status code for errors. */
export interface ActiveTracing {
  tracer: Tracer;
  errorCode: number;
}

let active: ActiveTracing | undefined;

export function useTracing(tracing: ActiveTracing | undefined): void {
  active = tracing;
}

export function tracingOn(): boolean {
  return active !== undefined;
}

/** Runs `work` in a span named `name` (the active one while it runs), or as it is with tracing off. */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!active) return work(undefined);
  const { tracer, errorCode } = active;
  return tracer.startActiveSpan(name, { attributes }, (span) =>
    endedAfter(span, errorCode, () => work(span)),
  );
}

/**
 * Runs `work` in a span that has no children of its own (a database statement): it is never made the
 * active span, which spares the context switch inSpan() pays for around every await.
 */
export function inLeafSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  if (!active) return work();
  const { tracer, errorCode } = active;
  return endedAfter(tracer.startSpan(name, { attributes }), errorCode, work);
}

/** Ends `span` once `work` is done, marked as failed with its error if it threw. */
async function endedAfter<T>(span: Span, errorCode: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: errorCode });
    throw error;
  } finally {
    span.end();
  }
}

/** The attribute names the spans carry for an order, so one search finds all of its spans. */
export const ORDER_ATTRIBUTES = {
  appTransId: 'zalopay.app_trans_id',
  orderReference: 'checkout.order_reference',
} as const;
