// The one exponential backoff of the app: a first wait that doubles per try, optionally capped, with the
// jitter a caller picks. The fulfilment worker, the refund checks, the webhook worker and the ZaloPay
// client's retries each keep their own numbers and pass them here.

export interface Backoff {
  /** The wait after the first failure (try 0). */
  firstMs: number;
  /** Never wait longer than this (before jitter). */
  maxMs?: number;
  /** The wait stops doubling after this many tries. */
  maxDoublings?: number;
  /**
   * none: the exponential wait itself. equal: between half and all of it, so retries spread out.
   * extra: the wait plus up to half of it again, so that many instances do not retry in step.
   */
  jitter: 'none' | 'equal' | 'extra';
}

/** The wait before try `tries + 1`, after `tries` (0 or more) failed; `random` gives a number in [0, 1). */
export function backoffMs(
  backoff: Backoff,
  tries: number,
  random: () => number = Math.random,
): number {
  const doublings = Math.min(Math.max(0, tries), backoff.maxDoublings ?? Infinity);
  const step = Math.min(backoff.firstMs * 2 ** doublings, backoff.maxMs ?? Infinity);
  switch (backoff.jitter) {
    case 'none':
      return step;
    case 'equal':
      return Math.round(step / 2 + (random() * step) / 2);
    case 'extra':
      return Math.round(step + random() * step * 0.5);
  }
}
