// Issue 14, item 3: emulator mode (the default) takes payments nobody made, so it refuses to start where
// a shop runs for real (NODE_ENV=production, an https public URL) unless it is asked for by name, and
// then says so loudly; the embedded emulator's admin API (which pays any order) answers loopback only.
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../env';
import { startTestCheckout } from '../testing/checkout-harness';
import { capturedLog } from '../testing/captured-log';
import { isLoopbackPeer, loopbackOnly } from './loopback-only';

function refusal(source: Record<string, string>): string {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error('expected loadEnv to refuse this configuration');
}

describe('emulator mode where a shop runs for real', () => {
  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['an https PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'https://shop.example.vn' }],
    [
      'both, with HOST=0.0.0.0',
      { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://shop.example.vn', HOST: '0.0.0.0' },
    ],
  ])('is refused by default with %s, naming ZALOPAY_MODE', (_label, source) => {
    expect(refusal(source)).toMatch(/ZALOPAY_MODE: unset, so the ZaloPay emulator/);
  });

  it('starts in development and over plain http, as npm start does', () => {
    expect(loadEnv({}).emulator.inProductionOnPurpose).toBe(false);
    expect(loadEnv({ PUBLIC_BASE_URL: 'http://192.168.1.20:3000' }).zalopay.mode).toBe('emulator');
  });

  it('starts when ZALOPAY_MODE=emulator is set explicitly, with an alert line at start', async () => {
    const captured = capturedLog();
    const running = await startTestCheckout(
      'pglite',
      {
        ZALOPAY_MODE: 'emulator',
        NODE_ENV: 'production',
        PUBLIC_BASE_URL: 'https://shop.example.vn',
      },
      captured.log,
    );
    try {
      expect(captured.alerts('emulator_in_production')).toHaveLength(1);
      // The admin API still answers this machine (tests and local development use it).
      const admin = await fetch(`${running.checkout.emulatorUrl}/admin/orders`);
      expect(admin.status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe("the embedded emulator's admin API", () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.4.5', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['203.0.113.7', false],
    ['::ffff:203.0.113.7', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('peer %s: loopback %s', (address, loopback) => {
    expect(isLoopbackPeer(address)).toBe(loopback);
  });

  it('answers 404 to any other peer, before the admin routes run', () => {
    let status = 0;
    let passed = false;
    const res = { status: (code: number) => ((status = code), { json: () => undefined }) };
    const fromOutside = { socket: { remoteAddress: '203.0.113.7' } };
    loopbackOnly(fromOutside as Request, res as unknown as Response, () => (passed = true));
    expect({ status, passed }).toEqual({ status: 404, passed: false });
  });
});
