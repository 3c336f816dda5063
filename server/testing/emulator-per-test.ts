// Test support: a real emulator a test starts with its own clock and profile, closed after each test,
// with what the protocol tests ask of it: its admin client, a POST answered with a JSON object, and the
// public sandbox app 2553's key1 to sign with by hand (node:crypto, no project helper).
import { createHmac } from 'node:crypto';
import { afterEach } from 'vitest';
import { z } from 'zod';
import { emulatorAdminClient, type EmulatorAdminClient } from '../emulator/admin/admin-client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/emulator';

/** Sandbox app 2553's key1, published in ZaloPay's docs and samples. */
export const SANDBOX_2553_KEY1 = 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL';

export const hmacHex = (key: string, input: string) =>
  createHmac('sha256', key).update(input, 'utf8').digest('hex');

const jsonObject = z.record(z.string(), z.unknown());

/** Call at the top of a test file: each test starts its own emulator with start(). */
export function emulatorPerTest() {
  let running: { emulator: RunningEmulator; admin: EmulatorAdminClient } | undefined;
  afterEach(async () => {
    await running?.emulator.close();
    running = undefined;
  });
  const current = () => {
    if (!running) throw new Error('start() the emulator first');
    return running;
  };
  return {
    async start(options: EmulatorOptions): Promise<void> {
      const emulator = await startEmulator(options);
      running = { emulator, admin: emulatorAdminClient(emulator.url) };
    },
    get admin(): EmulatorAdminClient {
      return current().admin;
    },
    /** POSTs `body` as JSON or as a form, as the merchant's code does; the answer must be a JSON object. */
    async post(path: string, body: Record<string, unknown>, encoding: 'json' | 'form') {
      const response = await fetch(`${current().emulator.url}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type':
            encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
        },
        body:
          encoding === 'json'
            ? JSON.stringify(body)
            : new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString(),
      });
      return jsonObject.parse(await response.json());
    },
  };
}
