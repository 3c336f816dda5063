// The same-origin check in front of /ops (same-origin-posts.ts), route by route: every POST route the
// operator routes hold, listed from the router that operations.ts builds (so a route added later is in the
// list), answers a post from another site with the same 403 before sign-in or the route itself runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import type { Router } from 'express';
import { createCatalogueService } from '../catalogue/catalogue-service';
import { createShopProfileService } from '../catalogue/shop-profile-service';
import { silentLogger } from '../logger';
import type { RefundService } from '../refunds/refund-service';
import { startTestCheckout, type TestCheckout } from '../testing/checkout-harness';
import { createTestDatabase } from '../testing/test-database';
import { operationsHttp } from './operations';
import { CROSS_ORIGIN_REFUSAL } from './same-origin-posts';

const ADMIN_TOKEN = 'same-origin-posts-admin-token-0123456789';

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every POST route's path in a router and the routers mounted in it (all mounted at its root). */
function postPaths(router: Router): string[] {
  const paths: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        if (layer.route.methods.post || layer.route.methods._all)
          paths.push(String(layer.route.path));
      } else if (layer.handle.stack) {
        // A router mounted under a path would make the listed paths wrong: say so rather than miss routes.
        expect(layer.rawPath, 'a router mounted under a path').toBe('/');
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return paths;
}

/** A plausible value for each path parameter, so that the path reaches its route. */
const PARAM_VALUES: Record<string, string> = {
  appTransId: '260101_000001',
  shopOrderId: 'order-1',
  eventId: '00000000-0000-4000-8000-000000000001',
  id: '00000000-0000-4000-8000-000000000002',
  sku: 'ca-phe',
};

function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = PARAM_VALUES[name];
    if (!value) throw new Error(`no test value for :${name} in ${path}: add one to PARAM_VALUES`);
    return value;
  });
}

let running: TestCheckout;
let base: string;
let paths: string[];

async function newSession(): Promise<string> {
  const signedIn = await fetch(`${base}/ops/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ token: ADMIN_TOKEN }),
    redirect: 'manual',
  });
  expect(signedIn.status).toBe(303);
  return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const post = (path: string, headers: Record<string, string>) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: 'amount=1000&description=x&name=x',
    redirect: 'manual',
  });

beforeAll(async () => {
  const database = await createTestDatabase('pglite');
  try {
    const { routes } = operationsHttp({
      database,
      gatewayUrl: 'http://127.0.0.1:9',
      metricsRegistry: new Registry(),
      adminToken: ADMIN_TOKEN,
      // Listing the routes builds them and calls none: no refund is asked for.
      refunds: {} as RefundService,
      cancelOrder: () => Promise.reject(new Error('listing the routes cancels nothing')),
      publicBaseUrl: 'http://127.0.0.1:1',
      trustProxy: false,
      log: silentLogger(),
      catalogue: {
        catalogue: createCatalogueService({ db: database.db, maxAmount: 50_000_000 }),
        shop: createShopProfileService({ db: database.db }),
        imageMaxBytes: 1024,
        maxAmount: 50_000_000,
      },
    });
    paths = postPaths(routes).filter((path) => path.startsWith('/ops'));
  } finally {
    await database.dispose();
  }
  running = await startTestCheckout('pglite', { ADMIN_TOKEN });
  base = running.checkout.url;
});
afterAll(() => running?.close());

describe('a POST to /ops from another origin', () => {
  it('the listing finds the operator POST routes of every page', () => {
    for (const path of [
      '/ops/sign-in',
      '/ops/sign-out',
      '/ops/sessions/:id/revoke',
      '/ops/orders/:appTransId/refunds/confirm',
      '/ops/orders/:appTransId/refunds',
      '/ops/orders/:appTransId/webhooks/:eventId/resend',
      '/ops/orders/:appTransId/cancel/confirm',
      '/ops/orders/:appTransId/cancel',
      '/ops/api-keys',
      '/ops/api-keys/:id/revoke',
      '/ops/products',
      '/ops/shop',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('answers the same 403 on every POST route, signed in or not', async () => {
    const session = await newSession();
    for (const path of paths) {
      const tries: Record<string, string>[] = [
        { cookie: session, origin: 'https://evil.example' },
        { origin: 'https://evil.example' },
        { cookie: session, origin: 'null' },
      ];
      for (const headers of tries) {
        const answer = await post(concretePath(path), headers);
        expect([path, answer.status]).toEqual([path, 403]);
        expect(await answer.json()).toEqual(CROSS_ORIGIN_REFUSAL);
      }
    }
    // The session is still good: none of those posts reached sign-out or a revoke.
    const page = await fetch(`${base}/ops`, { headers: { cookie: session }, redirect: 'manual' });
    expect(page.status).toBe(200);
  });

  it('refuses no route when the post comes from our own page', async () => {
    const session = await newSession();
    const others = paths.filter((path) => path !== '/ops/sign-out');
    for (const path of [...others, '/ops/sign-out']) {
      const answer = await post(concretePath(path), { cookie: session, origin: base });
      expect([path, answer.status]).not.toEqual([path, 403]);
    }
  });

  it('lets a GET from another origin through (reading is not a write)', async () => {
    const answer = await fetch(`${base}/ops/sign-in`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(200);
  });
});
