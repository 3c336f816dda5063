// The apps of a running emulator: the built-ins merged with the configured ones, and what GET /admin/apps
// shows of them (the wire shape and its parser live in server/env/emulator-apps-setting.ts).
import type { SandboxApp } from '../zalopay/sandbox-apps';

/** The app list of a running emulator: the built-ins, then each configured app added or replacing by id. */
export function mergeApps(
  builtIn: readonly SandboxApp[],
  configured: readonly SandboxApp[],
): Map<number, SandboxApp> {
  const apps = new Map<number, SandboxApp>();
  for (const app of [...builtIn, ...configured]) apps.set(app.appId, app);
  return apps;
}

/** What GET /admin/apps shows: everything but the keys, of which only the first four characters. */
export function appView(app: SandboxApp) {
  return {
    app_id: app.appId,
    name: app.name,
    key1: `${app.key1.slice(0, 4)}…`,
    key2: `${app.key2.slice(0, 4)}…`,
    callback_url: app.callbackUrl ?? null,
    redirect_url: app.redirectUrl ?? null,
    qr_code: app.issueQrCode ?? false,
    cashier_order_url: app.cashierOrderUrl ?? false,
  };
}
