// The one branch tracing costs when it is off: OTEL_EXPORTER_OTLP_ENDPOINT unset, nothing of OpenTelemetry's
// SDK is imported. Set, tracing.ts is loaded and started, and this instance's spans carry its name.
import { hostname } from 'node:os';
import type { Env } from '../env';
import type { Logger } from '../logger';
import type { RunningTracing } from './tracing';

export async function startTracingIfSet(
  env: Env,
  log: Logger,
): Promise<RunningTracing | undefined> {
  const endpoint = env.telemetry.otlpEndpoint;
  if (!endpoint) return undefined;
  const { startTracing } = await import('./tracing');
  const tracing = await startTracing({
    endpoint,
    protocol: env.telemetry.protocol,
    sampler: env.telemetry.sampler,
    attributeValueLengthLimit: env.telemetry.attributeValueLengthLimit,
    serviceName: env.telemetry.serviceName,
    instanceId: `${hostname()}/${process.pid}`,
  });
  log.info(
    { endpoint, protocol: env.telemetry.protocol, serviceName: env.telemetry.serviceName },
    'OpenTelemetry traces exported over OTLP/HTTP',
  );
  return tracing;
}
