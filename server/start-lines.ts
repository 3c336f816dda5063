// What a checkout says when it is ready (server/main.ts): where it really listens, where shoppers reach it
// when that differs (PUBLIC_BASE_URL), its role, and the embedded emulator's pages.
import type { Env } from './env';
import type { RunningCheckout } from './checkout-server';

export interface StartLine {
  fields: Record<string, unknown>;
  message: string;
}

const ROLE_DOES = {
  all: 'shop, API and background work',
  web: 'shop and API only, no background work',
  worker: 'background work only: /healthz, /readyz and /metrics on this port',
} as const;

export function startLines(
  env: Env,
  checkout: Pick<RunningCheckout, 'url' | 'publicBaseUrl' | 'emulatorUrl'>,
): StartLine[] {
  const { url, publicBaseUrl, emulatorUrl } = checkout;
  const publicPart = publicBaseUrl === url ? '' : `, public address ${publicBaseUrl}`;
  const lines: StartLine[] = [
    {
      fields: { url, publicBaseUrl, mode: env.zalopay.mode, role: env.role },
      message: `Checkout ready: listening on ${url}${publicPart} (ROLE=${env.role}: ${ROLE_DOES[env.role]})`,
    },
  ];
  if (emulatorUrl) {
    lines.push({
      fields: { emulatorUrl },
      message: `ZaloPay emulator on ${emulatorUrl}: inspector ${emulatorUrl}/inspector, orders ${emulatorUrl}/admin/orders`,
    });
  }
  return lines;
}
