// A small HTTP proxy between the checkout and the emulator: it records every /v2/query the checkout
// sends (when, for which order) so tests can measure rates and per-order gaps beyond the emulator's
// 200-entry request log, and while "failing" it makes a share of the queries hit an emulator fault.
import { createServer, type IncomingMessage } from 'node:http';
import { z } from 'zod';
import { emulatorAdminClient } from '../emulator/admin/admin-client';
import type { ApiFaultKind } from '../emulator/admin/fault-plan';
import { listeningPort } from '../emulator/listening-port';

export interface RecordedQuery {
  /** performance.timeOrigin + performance.now() when the proxy received it, in ms. */
  at: number;
  appTransId: string;
  /** The emulator fault this query was sent into, if any. */
  fault: ApiFaultKind | null;
}

export interface GatewayFailure {
  /** Share of queries that get a fault, 0..1. */
  share: number;
  kinds: ApiFaultKind[];
}

export interface GatewayProxy {
  url: string;
  queries(): RecordedQuery[];
  /** Starts (or with null, stops) failing a share of the queries. */
  setFailure(failure: GatewayFailure | null): void;
  close(): Promise<void>;
}

const queryBodySchema = z.object({ app_trans_id: z.string() });

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function appTransIdOf(body: Buffer): string {
  try {
    const parsed = queryBodySchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data.app_trans_id : '';
  } catch {
    return '';
  }
}

export async function startGatewayProxy(emulatorUrl: string): Promise<GatewayProxy> {
  const recorded: RecordedQuery[] = [];
  let failure: GatewayFailure | null = null;
  const admin = emulatorAdminClient(emulatorUrl);

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const path = request.url ?? '/';
      if (path === '/v2/query') {
        const kinds = failure?.kinds ?? [];
        const fault =
          failure && kinds.length > 0 && Math.random() < failure.share
            ? (kinds[Math.floor(Math.random() * kinds.length)] ?? null)
            : null;
        recorded.push({
          at: performance.timeOrigin + performance.now(),
          appTransId: appTransIdOf(body),
          fault,
        });
        if (fault) {
          await admin.addFaults({ api: { fault, count: 1, endpoints: ['query'] } });
        }
      }
      const upstream = await fetch(`${emulatorUrl}${path}`, {
        method: request.method ?? 'GET',
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
        body: request.method === 'GET' || request.method === 'HEAD' ? null : new Uint8Array(body),
      });
      const answer = Buffer.from(await upstream.arrayBuffer());
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      response.end(answer);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${listeningPort(server)}`,
    queries: () => [...recorded],
    setFailure(next) {
      failure = next;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
