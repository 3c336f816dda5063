// The poller's rate budget and concurrency limit, with a fake clock where waiting is not the point.
import { describe, expect, it } from 'vitest';
import { runConcurrently } from '../../workers/run-concurrently';
import { createTokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('lets a burst through at once, then paces callers at the rate', async () => {
    const bucket = createTokenBucket(50, 5);
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        await bucket.take();
        times.push(performance.now() - started);
      }),
    );
    times.sort((a, b) => a - b);
    expect(times[4]).toBeLessThan(50);
    // Five more tokens at 50 per second take at least ~100 ms.
    expect(times[9]).toBeGreaterThanOrEqual(90);
  });

  it('refills with time, up to the burst size', async () => {
    let clock = 0;
    const bucket = createTokenBucket(10, 2, () => clock);
    expect(await bucket.take()).toBe(true);
    expect(await bucket.take()).toBe(true);
    clock += 10_000;
    const immediate = await Promise.race([
      bucket.take().then(() => 'granted'),
      new Promise((resolve) => setTimeout(() => resolve('waited'), 20)),
    ]);
    expect(immediate).toBe('granted');
  });

  it('gives up when the signal aborts while waiting', async () => {
    const bucket = createTokenBucket(1, 1);
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
  });
});

describe('runConcurrently', () => {
  it('runs every item once with at most the given number in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await runConcurrently([...Array(20).keys()], 3, async (item) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(item);
      inFlight -= 1;
    });
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(peak).toBe(3);
  });

  it('does nothing for an empty list', async () => {
    let calls = 0;
    await runConcurrently([], 4, async () => {
      calls += 1;
    });
    expect(calls).toBe(0);
  });
});
