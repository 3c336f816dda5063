// The fake's live streams: each watch() of an attempt yields its current view, then every change pushed
// to it, up to a bound, until the shopper's page lets go (the abort signal).
import type { PaymentView } from '../../../server/payments/status/payment-view';

const MAX_EVENTS_PER_WATCH = 100;

type Listener = (view: PaymentView) => void;

export class AttemptStreams {
  private readonly listeners = new Map<string, Set<Listener>>();

  /** `current` reads the attempt's view as the stream opens (none: the stream waits for a change). */
  async *watch(
    appTransId: string,
    signal: AbortSignal,
    current: () => PaymentView | undefined,
  ): AsyncIterable<PaymentView> {
    const queue: PaymentView[] = [];
    let wake: (() => void) | null = null;
    const listener: Listener = (view) => {
      queue.push(view);
      wake?.();
    };
    const stop = () => wake?.();
    const listeners = this.listeners.get(appTransId) ?? new Set<Listener>();
    this.listeners.set(appTransId, listeners);
    listeners.add(listener);
    signal.addEventListener('abort', stop);
    try {
      const opening = current();
      if (opening) yield opening;
      for (let events = 0; events < MAX_EVENTS_PER_WATCH && !signal.aborted; events += 1) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const next = queue.shift();
        if (next) yield next;
      }
    } finally {
      listeners.delete(listener);
      signal.removeEventListener('abort', stop);
    }
  }

  /** Pushes a changed view to the attempt's open streams. */
  publish(appTransId: string, view: PaymentView): void {
    this.listeners.get(appTransId)?.forEach((listener) => listener(view));
  }

  openStreams(appTransId: string): number {
    return this.listeners.get(appTransId)?.size ?? 0;
  }
}
