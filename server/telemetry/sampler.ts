// Which traces are kept, as OpenTelemetry's standard OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG say
// (the SDK this checkout uses does not read the environment itself). Default: every trace, following a
// caller's decision when a request arrives with one (parentbased_always_on).
import type * as TraceSdk from '@opentelemetry/sdk-trace';

export const SAMPLER_NAMES = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

export interface SamplerSettings {
  name: (typeof SAMPLER_NAMES)[number];
  /** The share of traces kept by the traceidratio samplers, 0 to 1. */
  ratio: number;
}

export function samplerFor(
  sdk: typeof TraceSdk,
  { name, ratio }: SamplerSettings,
): TraceSdk.Sampler {
  const root = name.endsWith('always_off')
    ? new sdk.AlwaysOffSampler()
    : name.endsWith('traceidratio')
      ? new sdk.TraceIdRatioBasedSampler(ratio)
      : new sdk.AlwaysOnSampler();
  return name.startsWith('parentbased_') ? new sdk.ParentBasedSampler({ root }) : root;
}
