// A shopper's page waiting on the QR code, as the browser's tRPC subscription link does it: the live
// status stream (server-sent events) read with fetch, opened again whenever it ends or fails, so an
// instance going away behind the proxy costs the page a reconnection, not the payment. It stops at a
// final status, as the page does.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

const statusEventSchema = z.object({
  json: z.object({ appTransId: z.string(), status: z.string() }),
});

export interface FollowedStatus {
  /** Every status received, over all connections, in order. */
  statuses(): string[];
  /** How many times the stream was opened (1: never reconnected). */
  connections(): number;
  /** Milliseconds from opening the first connection to its first status. */
  firstEventMs(): number | undefined;
  close(): void;
}

const MAX_CONNECTIONS = 20;
const FINAL = new Set(['PAID', 'FAILED', 'EXPIRED']);

export function followStatus(baseUrl: string, appTransId: string): FollowedStatus {
  const input = encodeURIComponent(JSON.stringify({ json: { appTransId } }));
  const statuses: string[] = [];
  const stop = new AbortController();
  let connections = 0;
  let firstEventMs: number | undefined;

  const readOnce = async () => {
    const opened = performance.now();
    const response = await fetch(`${baseUrl}/trpc/onStatusChange?input=${input}`, {
      headers: { accept: 'text/event-stream' },
      signal: stop.signal,
    });
    if (!response.ok || !response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffered += decoder.decode(chunk.value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data:')) continue;
        let parsed: unknown = undefined;
        try {
          parsed = JSON.parse(line.slice('data:'.length));
        } catch {
          continue;
        }
        const event = statusEventSchema.safeParse(parsed);
        if (!event.success || event.data.json.appTransId !== appTransId) continue;
        if (connections === 1 && firstEventMs === undefined)
          firstEventMs = performance.now() - opened;
        statuses.push(event.data.json.status);
        // The page stops listening once the order is settled.
        if (FINAL.has(event.data.json.status)) stop.abort();
      }
    }
  };

  void (async () => {
    while (!stop.signal.aborted && connections < MAX_CONNECTIONS) {
      connections += 1;
      await readOnce().catch(() => undefined);
      if (!stop.signal.aborted) await sleep(300);
    }
  })();

  return {
    statuses: () => [...statuses],
    connections: () => connections,
    firstEventMs: () => firstEventMs,
    close: () => stop.abort(),
  };
}
