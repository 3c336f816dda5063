// The instance's one budget of ZaloPay queries, on a fake clock: status reads stop at the poller's
// reserve and while the poller waits; the poller may still use the whole rate.
import { describe, expect, it } from 'vitest';
import { createQueryBudget } from './query-budget';

describe('query budget', () => {
  it('lets status reads spend only down to the poller reserve, then refuses them', () => {
    const budget = createQueryBudget(10, () => 0);
    const granted = Array.from({ length: 20 }, () => budget.tryTakeForStatusRead()).filter(Boolean);
    expect(granted).toHaveLength(5);
  });

  it('keeps the reserve for the poller, at once', async () => {
    const budget = createQueryBudget(10, () => 0);
    for (let i = 0; i < 20; i += 1) budget.tryTakeForStatusRead();
    const started = performance.now();
    for (let i = 0; i < 5; i += 1) expect(await budget.takeForPoller()).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses status reads while the poller is owed a token, even after a refill', async () => {
    let now = 0;
    const budget = createQueryBudget(10, () => now);
    for (let i = 0; i < 10; i += 1) await budget.takeForPoller();
    const controller = new AbortController();
    const waiting = budget.takeForPoller(controller.signal);
    now += 50; // half a token back: the poller is still owed one
    expect(budget.tryTakeForStatusRead()).toBe(false);
    controller.abort();
    expect(await waiting).toBe(false);
  });

  it('refills status reads with time', () => {
    let now = 0;
    const budget = createQueryBudget(10, () => now);
    for (let i = 0; i < 20; i += 1) budget.tryTakeForStatusRead();
    now += 1_000;
    expect(budget.tryTakeForStatusRead()).toBe(true);
  });
});
