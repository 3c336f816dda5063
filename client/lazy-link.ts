// A tRPC link made once its code has arrived: the browser client's links wait for superjson (about 3.5 KB
// gzipped), which the shop's first render never uses, so it is fetched after that render (when `prefetch`
// says so, or by the first operation) instead of before it or beside it. Operations sent before the code
// is in wait for it; unsubscribing meanwhile cancels them.
import { TRPCClientError, type OperationLink, type TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';

export function lazyLink<TRouter extends AnyRouter>(
  loadLink: () => Promise<TRPCLink<TRouter>>,
  /** Calls `start` when the code should be fetched ahead of the first operation; default: at once. */
  prefetch: (start: () => void) => void = (start) => start(),
): TRPCLink<TRouter> {
  return (runtime) => {
    let operationLink: Promise<OperationLink<TRouter>> | undefined;
    /** Once in, operations go straight to it, in the same tick, as if it had always been there. */
    let loaded: OperationLink<TRouter> | undefined;
    // A failed download is tried again by the next operation (a retry of the failed one included).
    const ready = () =>
      (operationLink ??= loadLink().then(
        (link) => (loaded = link(runtime)),
        (error: unknown) => {
          operationLink = undefined;
          throw error;
        },
      ));
    // Fetched ahead of the first operation, so by then the code is usually in.
    prefetch(() => void ready().catch(() => undefined));
    return (operation) =>
      loaded
        ? loaded(operation)
        : observable((observer) => {
            let subscription: Unsubscribable | undefined;
            let cancelled = false;
            ready().then(
              (link) => {
                if (!cancelled) subscription = link(operation).subscribe(observer);
              },
              (error: unknown) => {
                if (!cancelled) observer.error(TRPCClientError.from(error as Error));
              },
            );
            return () => {
              cancelled = true;
              subscription?.unsubscribe();
            };
          });
  };
}
