// A shopper's live status stream as the browser opens it: the tRPC subscription onStatusChange over
// Server-Sent Events. Node 20 has no EventSource, so the stream is read with fetch and its `data:`
// lines parsed (superjson's { json: PaymentView } envelope) with zod.
import superjson from 'superjson';
import { z } from 'zod';

const statusEventSchema = z.object({
  json: z.object({
    appTransId: z.string(),
    status: z.enum(['PENDING', 'PAID', 'FAILED', 'EXPIRED']),
    phoneReport: z.enum(['declined', 'cancelled', 'other']).nullish(),
  }),
});

export interface StatusStream {
  /** Every status the stream delivered so far, in order. */
  statuses(): string[];
  /** The phone's report each event carried (null when none), in the same order. */
  phoneReports(): (string | null)[];
  close(): void;
}

/** Opens the stream and resolves once its first event (the status now) has arrived. */
export async function openStatusStream(
  checkoutUrl: string,
  appTransId: string,
): Promise<StatusStream> {
  const input = encodeURIComponent(JSON.stringify(superjson.serialize({ appTransId })));
  const stop = new AbortController();
  const response = await fetch(`${checkoutUrl}/trpc/onStatusChange?input=${input}`, {
    headers: { accept: 'text/event-stream' },
    signal: stop.signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream answered HTTP ${response.status}`);
  const statuses: string[] = [];
  const phoneReports: (string | null)[] = [];
  let firstEvent: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    firstEvent = resolve;
  });

  void (async () => {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      buffered += decoder.decode(chunk.value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data:')) continue;
        try {
          const parsed = statusEventSchema.safeParse(JSON.parse(line.slice('data:'.length)));
          if (parsed.success && parsed.data.json.appTransId === appTransId) {
            statuses.push(parsed.data.json.status);
            phoneReports.push(parsed.data.json.phoneReport ?? null);
            firstEvent();
          }
        } catch {
          // Not a status event (tRPC's own connection and ping messages).
        }
      }
    }
  })().catch(() => undefined);

  const opened = await Promise.race([
    started.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
  ]);
  if (!opened) {
    stop.abort();
    throw new Error('the status stream sent no status within 15 s');
  }
  return {
    statuses: () => [...statuses],
    phoneReports: () => [...phoneReports],
    close: () => stop.abort(),
  };
}
