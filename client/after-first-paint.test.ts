// The superjson chunk's trigger (after-first-paint.ts) and the lazy link that waits on it (lazy-link.ts):
// nothing is fetched by the first render; the shopper's first tap, the quiet moment after load, or the
// first tRPC operation fetches it, once.
import { createTRPCClient, type TRPCLink } from '@trpc/client';
import { initTRPC } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from './after-first-paint';
import { lazyLink } from './lazy-link';

const t = initTRPC.create();
/** The router only gives the client its type: the links below answer every query themselves. */
const _pingRouter = t.router({ ping: t.procedure.query(() => 'pong') });
type Router = typeof _pingRouter;

/** A terminating link that answers every query with 'pong', and counts how often its code was loaded. */
function countedLoader() {
  const loader = vi.fn(
    async (): Promise<TRPCLink<Router>> => () => () =>
      observable((observer) => {
        observer.next({ result: { type: 'data', data: 'pong' } });
        observer.complete();
      }),
  );
  return loader;
}

afterEach(() => vi.useRealTimers());

describe('afterFirstPaint', () => {
  it('starts at the first tap, once, and not before', () => {
    const start = vi.fn();
    afterFirstPaint(start);
    expect(start).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pointerdown'));
    window.dispatchEvent(new Event('keydown'));
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts by itself 2 s after the page loaded when nobody acts', () => {
    vi.useFakeTimers();
    const start = vi.fn();
    afterFirstPaint(start);
    vi.advanceTimersByTime(1_900);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(start).toHaveBeenCalledTimes(1);
  });
});

describe('lazyLink', () => {
  it('loads nothing until told, then once; an operation before that loads it and waits', async () => {
    const loader = countedLoader();
    let begin: (() => void) | undefined;
    const client = createTRPCClient<Router>({
      links: [lazyLink(loader, (start) => (begin = start))],
    });
    expect(loader).not.toHaveBeenCalled();
    expect(await client.ping.query()).toBe('pong');
    begin?.();
    expect(await client.ping.query()).toBe('pong');
    expect(loader).toHaveBeenCalledTimes(1);
  });
});
