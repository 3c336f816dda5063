// The callback case's verdict: the checkout's flat-out throughput as a share of each baseline's, measured
// in the same run. Issue 17 holds the checkout to 70 % of the baseline that does the same durable work;
// the bare baseline's share is shown beside it, without a target.
import { atLeast, figure, type Figure } from './benchmark-result';

/** The share of the durable baseline's throughput the checkout must reach. */
export const DURABLE_SHARE_TARGET_PERCENT = 70;

export interface FlatOutThroughputs {
  checkout: number | undefined;
  baseline: number | undefined;
  /** Absent where the durable baseline cannot run (PGlite). */
  durable: number | undefined;
}

const percentOf = (part: number | undefined, whole: number | undefined) =>
  ((part ?? 0) / (whole ?? Number.NaN)) * 100;

export function throughputRatios(flatOut: FlatOutThroughputs): Figure[] {
  const figures = [
    figure(
      'checkout / baseline throughput, flat out',
      percentOf(flatOut.checkout, flatOut.baseline),
      '%',
    ),
  ];
  if (flatOut.durable !== undefined) {
    figures.push(
      figure(
        'checkout / durable baseline throughput, flat out',
        percentOf(flatOut.checkout, flatOut.durable),
        '%',
        atLeast(DURABLE_SHARE_TARGET_PERCENT),
      ),
    );
  }
  return figures;
}
