// OTEL_TRACES_SAMPLER's six names build the samplers the OpenTelemetry specification gives them, as the
// SDK itself decides for new traces and for a caller's sampled or unsampled one.
import { ROOT_CONTEXT, SpanKind, trace, TraceFlags, type Context } from '@opentelemetry/api';
import * as sdk from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { SAMPLER_NAMES, samplerFor, type SamplerSettings } from './sampler';

const traceIds = Array.from({ length: 2_000 }, () =>
  Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join(''),
);

const parent = (sampled: boolean): Context =>
  trace.setSpanContext(ROOT_CONTEXT, {
    traceId: 'ab'.repeat(16),
    spanId: 'cd'.repeat(8),
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });

/** The share of `traceIds` the sampler keeps under `context`. */
function keptShare(settings: SamplerSettings, context: Context = ROOT_CONTEXT): number {
  const sampler = samplerFor(sdk, settings);
  const kept = traceIds.filter(
    (traceId) =>
      sampler.shouldSample(context, traceId, 'span', SpanKind.SERVER, {}, []).decision ===
      sdk.SamplingDecision.RECORD_AND_SAMPLED,
  );
  return kept.length / traceIds.length;
}

describe('OTEL_TRACES_SAMPLER', () => {
  it('keeps every new trace, none, or the share OTEL_TRACES_SAMPLER_ARG names', () => {
    expect(keptShare({ name: 'always_on', ratio: 1 })).toBe(1);
    expect(keptShare({ name: 'parentbased_always_on', ratio: 1 })).toBe(1);
    expect(keptShare({ name: 'always_off', ratio: 1 })).toBe(0);
    expect(keptShare({ name: 'parentbased_always_off', ratio: 1 })).toBe(0);
    expect(keptShare({ name: 'traceidratio', ratio: 0 })).toBe(0);
    const tenth = keptShare({ name: 'parentbased_traceidratio', ratio: 0.1 });
    expect(tenth).toBeGreaterThan(0.06);
    expect(tenth).toBeLessThan(0.14);
  });

  it('follows the caller when parent-based, and ignores it otherwise', () => {
    for (const name of SAMPLER_NAMES.filter((n) => n.startsWith('parentbased_'))) {
      expect(keptShare({ name, ratio: 0.1 }, parent(true))).toBe(1);
      expect(keptShare({ name, ratio: 0.1 }, parent(false))).toBe(0);
    }
    expect(keptShare({ name: 'always_on', ratio: 1 }, parent(false))).toBe(1);
    expect(keptShare({ name: 'always_off', ratio: 1 }, parent(true))).toBe(0);
  });
});
