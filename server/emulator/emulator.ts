// Starts the local ZaloPay sandbox emulator: one real HTTP server playing sb-openapi (the /v2 API),
// the gateway (/openinapp pages) and the callback sender, plus an /admin API for tests (docs/emulator.md).
import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import { listeningPort } from './listening-port';
import express, { type RequestHandler } from 'express';
import { adminRouter } from './admin/admin-routes';
import { apiRouter } from './api/api-routes';
import { mergeApps } from './app-config';
import { CallbackSender } from './callbacks/callback-sender';
import { createEmulatorClock } from './emulator-clock';
import type { EmulatorContext } from './emulator-context';
import { emulatorErrorHandler } from './emulator-errors';
import { FaultPlan } from './admin/fault-plan';
import { gatewayRouter } from './gateway/gateway-routes';
import { inspectorRouter } from './admin/inspector-routes';
import { OrderBook } from './order-book';
import { PUBLIC_SANDBOX_APPS } from '../zalopay/sandbox-apps';
import type { SandboxApp } from '../zalopay/sandbox-apps';
import { RequestLog } from './admin/request-log';
import {
  applySettingsUpdate,
  defaultSettings,
  profileSettings,
  settingsUpdateSchema,
} from './settings';
import type { EmulatorProfile, EmulatorSettings, EmulatorSettingsUpdate } from './settings';
import { createTransactionIds } from './api/transaction-ids';

export type { EmulatorProfile, EmulatorSettings, EmulatorSettingsUpdate } from './settings';
export type { SandboxApp } from '../zalopay/sandbox-apps';

export interface EmulatorOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Base URL of order_url links; default the server's own http://host:port. */
  publicUrl?: string;
  /** Extra apps (or replacements of 2553/2554, matched by appId). */
  apps?: SandboxApp[];
  /** `sandbox` (default): what the public evidence says the real sandbox does; `strict`: refuse more at create. */
  profile?: EmulatorProfile;
  /** Every [UNCONFIRMED] behaviour of the gateway, see settings.ts; applied over the profile. */
  settings?: EmulatorSettingsUpdate;
  /** Base clock; the admin clock offset is added on top. */
  now?: () => number;
  /** First 9-digit sequence number of zp_trans_id / refund_id; random by default. */
  zpTransIdSequenceStart?: number;
  /**
   * Runs in front of everything but the shopper's gateway pages: the ZaloPay API (every /v2/* path,
   * /api/*), /inspector and /admin (the checkout's embedded emulator: this machine only, whatever the host).
   */
  privateGuard?: RequestHandler;
}

export interface RunningEmulator {
  /** Where the server listens, e.g. http://127.0.0.1:40123. */
  url: string;
  close(): Promise<void>;
  /** The live settings: changing a field changes the running emulator's behaviour. */
  settings: EmulatorSettings;
}

/** The pages a shopper's browser or phone opens (order_url, cashier_order_url and their forms). */
const GATEWAY_PAGE_PATH = /^\/(openinapp|pay-order)(\/|$)/;

export function isGatewayPagePath(path: string): boolean {
  return GATEWAY_PAGE_PATH.test(path);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = defaultSettings();
  applySettingsUpdate(settings, profileSettings(options.profile ?? 'sandbox'));
  if (options.settings) applySettingsUpdate(settings, settingsUpdateSchema.parse(options.settings));
  const apps = mergeApps(PUBLIC_SANDBOX_APPS, options.apps ?? []);

  const lifetime = new AbortController();
  // Every callback delivery, retry wait and held answer in flight listens for the emulator's end: under
  // load there are hundreds at once, each removed when it finishes, so Node's leak warning at 11 is noise.
  setMaxListeners(0, lifetime.signal);
  const clock = createEmulatorClock(options.now);
  const faults = new FaultPlan();
  const requestLog = new RequestLog();
  const ctx: EmulatorContext = {
    settings,
    clock,
    apps,
    orders: new OrderBook(),
    ids: createTransactionIds(options.zpTransIdSequenceStart),
    faults,
    callbacks: new CallbackSender({
      settings,
      clock,
      faults,
      lifetime: lifetime.signal,
      requestLog,
    }),
    requestLog,
    publicUrl: '',
    lifetime: lifetime.signal,
  };

  const app = express();
  app.disable('x-powered-by');
  const { privateGuard } = options;
  if (privateGuard) {
    app.use((req, res, next) => {
      if (isGatewayPagePath(req.path)) next();
      else privateGuard(req, res, next);
    });
  }
  app.use(express.text({ type: () => true, limit: '1mb' }));
  app.use(apiRouter(ctx));
  app.use(gatewayRouter(ctx));
  app.use(inspectorRouter());
  app.use(adminRouter(ctx));
  app.use(emulatorErrorHandler(ctx));

  const host = options.host ?? '127.0.0.1';
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = listeningPort(server);
  const url = `http://${urlHost(host)}:${port}`;
  ctx.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      lifetime.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, ctx.callbacks.settled()]);
    })();
    return closing;
  };

  return { url, close, settings };
}
