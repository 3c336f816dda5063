// A port already taken is one line naming the setting (PORT, EMULATOR_PORT) and what to do, not a stack.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listenOn, PortUnavailableError } from './listen';
import { startEmulator } from '../emulator/emulator';
import { startCheckout } from '../checkout-server';
import { loadEnv } from '../env';
import { capturedLog } from '../testing/captured-log';

const taken = createServer();
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => taken.close(resolve)));

it('rejects with one line naming the setting and the address', async () => {
  const error = await listenOn(createServer(), port, '127.0.0.1', 'PORT').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PortUnavailableError);
  expect((error as Error).message).toBe(
    `PORT=${port}: 127.0.0.1:${port} is already in use (another checkout or program listens there); set PORT to a free port`,
  );
  expect((error as Error).message).not.toContain('\n');
});

it('resolves with the real port when PORT=0', async () => {
  const server = createServer();
  const real = await listenOn(server, 0, '127.0.0.1', 'PORT');
  expect(real).toBeGreaterThan(0);
  await new Promise((resolve) => server.close(resolve));
});

it('names EMULATOR_PORT and how a second checkout shares the first one’s emulator', async () => {
  const env = loadEnv({ PORT: '0', EMULATOR_PORT: String(port), PGLITE_DATA_DIR: 'memory://' });
  const error = await startCheckout(env, capturedLog('silent').log).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PortUnavailableError);
  expect((error as Error).message).toMatch(
    new RegExp(
      `^EMULATOR_PORT=${port}: .* set EMULATOR_PORT to a free port .*EMULATOR_EMBEDDED=false.*ZALOPAY_API_BASE_URL`,
    ),
  );
});

it('names PORT when the checkout’s own port is taken, and leaves nothing listening', async () => {
  const emulatorPort = await (async () => {
    const probe = await startEmulator({ port: 0 });
    const free = Number(new URL(probe.url).port);
    await probe.close();
    return free;
  })();
  const env = loadEnv({
    PORT: String(port),
    EMULATOR_PORT: String(emulatorPort),
    PGLITE_DATA_DIR: 'memory://',
  });
  const error = await startCheckout(env, capturedLog('silent').log).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(new RegExp(`^PORT=${port}: `));
  // The embedded emulator it had started is closed again: its port is free.
  const again = await startEmulator({ port: emulatorPort });
  await again.close();
});
