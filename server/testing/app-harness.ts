// Test support, the app layer (on service-harness.ts, below checkout-harness.ts): the app's real Express
// routes (createApp) served on 127.0.0.1 over a service harness's payments service, so tests can hit
// HTTP and still read the harness's database and drive its emulator.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { silentLogger } from '../logger';
import type { ServiceHarness } from './service-harness';

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

export async function serveAppOn(harness: ServiceHarness): Promise<ServedApp> {
  const server = createServer(
    createApp({ payments: harness.service, log: silentLogger(), acceptClientAmounts: true }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
