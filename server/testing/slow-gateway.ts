// Test support: a forwarding HTTP proxy in front of the emulator that holds every /v2/create for a while,
// so a test can have a payment creation in flight (the graceful-shutdown test sends SIGTERM meanwhile).
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowGateway {
  url: string;
  /** Resolves when the next /v2/create has reached the proxy (and is being held). */
  nextCreate(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlowGateway(targetUrl: string, holdMs: number): Promise<SlowGateway> {
  const target = new URL(targetUrl);
  const waiting: Array<() => void> = [];
  const server = createServer((incoming, outgoing) => {
    const held = incoming.url?.startsWith('/v2/create') ? holdMs : 0;
    if (held > 0) waiting.splice(0).forEach((resolve) => resolve());
    setTimeout(() => {
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    }, held);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextCreate: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
