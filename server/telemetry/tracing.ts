// Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set: the SDK and the OTLP/HTTP exporter
// are imported here, lazily, so a checkout without the setting loads none of it. Spans go out in batches
// to <endpoint>/v1/traces, as protobuf (OpenTelemetry's default) or JSON; database statements get spans
// from drizzle's prepared queries.
import { useTracing } from './spans';
import { traceDatabaseStatements } from './database-spans';
import { samplerFor, type SamplerSettings } from './sampler';

export interface TracingSettings {
  /** OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:4318 */
  endpoint: string;
  /** OTEL_EXPORTER_OTLP_TRACES_PROTOCOL or OTEL_EXPORTER_OTLP_PROTOCOL. */
  protocol: 'http/protobuf' | 'http/json';
  /** OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT or OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT. */
  attributeValueLengthLimit: number;
  /** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG. */
  sampler: SamplerSettings;
  /** OTEL_SERVICE_NAME */
  serviceName: string;
  /** Names this instance in each span's resource (service.instance.id). */
  instanceId: string;
}

export interface RunningTracing {
  /** Sends the spans still waiting, then stops (called at shutdown). */
  shutdown(): Promise<void>;
}

/** The exporter of the chosen encoding; both take the same options. */
const exporterModule = (protocol: TracingSettings['protocol']) =>
  protocol === 'http/json'
    ? import('@opentelemetry/exporter-trace-otlp-http')
    : import('@opentelemetry/exporter-trace-otlp-proto');

export async function startTracing(settings: TracingSettings): Promise<RunningTracing> {
  const [
    api,
    sdk,
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { AsyncLocalStorageContextManager },
  ] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace'),
    exporterModule(settings.protocol),
    import('@opentelemetry/resources'),
    import('@opentelemetry/context-async-hooks'),
  ]);
  const exporter = new OTLPTraceExporter({
    url: `${settings.endpoint.replace(/\/+$/, '')}/v1/traces`,
  });
  const provider = new sdk.TracerProvider({
    sampler: samplerFor(sdk, settings.sampler),
    spanLimits: { attributeValueLengthLimit: settings.attributeValueLengthLimit },
    resource: resourceFromAttributes({
      'service.name': settings.serviceName,
      'service.instance.id': settings.instanceId,
    }),
    spanProcessors: [new sdk.BatchSpanProcessor({ exporter, scheduledDelayMillis: 1_000 })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  api.context.setGlobalContextManager(contextManager);
  api.trace.setGlobalTracerProvider(provider);
  useTracing({
    tracer: provider.getTracer('zalopay-checkout'),
    errorCode: api.SpanStatusCode.ERROR,
  });
  await traceDatabaseStatements();
  return {
    async shutdown() {
      useTracing(undefined);
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
    },
  };
}
