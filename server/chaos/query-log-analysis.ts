// Figures from the proxy's record of outbound /v2/query calls: the busiest window (for the rate
// budget) and, per order, the gaps between consecutive queries (for "once per poll interval").
import type { RecordedQuery } from './gateway-proxy';

/** The most queries sent within any window of `windowMs` (a sliding window over the sorted times). */
export function busiestWindow(queries: readonly RecordedQuery[], windowMs: number): number {
  const times = queries.map((query) => query.at).sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

export interface QueryGaps {
  /** Orders queried at least once in the period. */
  ordersQueried: number;
  /** The shortest time between two queries of one order, and which order. */
  shortestGapMs: number;
  shortestGapOrder: string | null;
  /** The longest time between two queries of one order (or from `from` to its first, or its last to `to`). */
  longestGapMs: number;
  longestGapOrder: string | null;
}

/** Gaps per order over [from, to]; every id in `orders` counts, queried or not. */
export function queryGaps(
  queries: readonly RecordedQuery[],
  orders: readonly string[],
  period: { from: number; to: number },
): QueryGaps {
  const timesByOrder = new Map<string, number[]>(orders.map((id) => [id, []]));
  for (const query of queries) {
    if (query.at < period.from || query.at > period.to) continue;
    timesByOrder.get(query.appTransId)?.push(query.at);
  }
  const gaps: QueryGaps = {
    ordersQueried: 0,
    shortestGapMs: Number.POSITIVE_INFINITY,
    shortestGapOrder: null,
    longestGapMs: 0,
    longestGapOrder: null,
  };
  for (const [order, times] of timesByOrder) {
    times.sort((a, b) => a - b);
    if (times.length > 0) gaps.ordersQueried += 1;
    const marks = [period.from, ...times, period.to];
    for (let index = 1; index < marks.length; index++) {
      const gap = (marks[index] ?? 0) - (marks[index - 1] ?? 0);
      const betweenQueries = index > 1 && index < marks.length - 1;
      if (betweenQueries && gap < gaps.shortestGapMs) {
        gaps.shortestGapMs = gap;
        gaps.shortestGapOrder = order;
      }
      if (gap > gaps.longestGapMs) {
        gaps.longestGapMs = gap;
        gaps.longestGapOrder = order;
      }
    }
  }
  return gaps;
}
