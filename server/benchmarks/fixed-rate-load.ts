// The measuring steps the load cases share: a load at a fixed rate or flat out (fixed-rate and flat-out
// connections), the four figures of a fixed-rate window, and a flat-out window with the server's CPU.
import { atLeast, below, figure, type Figure } from './benchmark-result';
import { runLoad, type LoadOptions, type LoadSummary } from './load-generator';
import { processCpuMs } from './process-cpu';

/** The share of an offered fixed rate a server must actually serve to be said to sustain it. */
export const KEEP_UP_SHARE = 0.95;

export interface LoadShape {
  fixedRateConnections: number;
  flatOutConnections: number;
}

/** A load at `rate` per second (fixed-rate connections), or flat out when `rate` is undefined. */
export type RateLoad = (rate: number | undefined, seconds: number) => Promise<LoadSummary>;

export function rateLoad(
  shape: LoadShape,
  options: Omit<LoadOptions, 'connections' | 'durationSeconds' | 'ratePerSecond'>,
): RateLoad {
  return (rate, seconds) =>
    runLoad({
      ...options,
      connections: rate ? shape.fixedRateConnections : shape.flatOutConnections,
      durationSeconds: seconds,
      ...(rate ? { ratePerSecond: rate } : {}),
    });
}

/**
 * Throughput, p50, p99 and errors of a window at `rate`/s. With `p99BelowMs` they are held to the targets:
 * at least KEEP_UP_SHARE of the rate served (a p99 means little if the server did not keep up), the p99
 * under that bound, no errors.
 */
export function fixedRateFigures(
  name: string,
  rate: number,
  summary: LoadSummary,
  p99BelowMs?: number,
): Figure[] {
  const held = p99BelowMs !== undefined;
  return [
    figure(
      `${name} at ${rate}/s: throughput`,
      summary.throughput,
      'req/s',
      held ? atLeast(rate * KEEP_UP_SHARE) : undefined,
    ),
    figure(`${name} at ${rate}/s: p50`, summary.p50, 'ms'),
    figure(`${name} at ${rate}/s: p99`, summary.p99, 'ms', held ? below(p99BelowMs) : undefined),
    figure(`${name} at ${rate}/s: errors`, summary.errors, 'req', held ? below(1) : undefined),
  ];
}

/**
 * One flat-out window, with the CPU time the server's process spent per 2xx answer (µs); undefined when
 * there is no process to read or nothing was answered.
 */
export async function flatOutWindow(
  load: RateLoad,
  seconds: number,
  pid: number | undefined,
): Promise<{ summary: LoadSummary; cpuUsPerAnswer: number | undefined }> {
  const before = pid === undefined ? undefined : processCpuMs(pid);
  const summary = await load(undefined, seconds);
  const after = pid === undefined ? undefined : processCpuMs(pid);
  const cpuUsPerAnswer =
    before === undefined || after === undefined || summary.ok === 0
      ? undefined
      : ((after - before) * 1000) / summary.ok;
  return { summary, cpuUsPerAnswer };
}
