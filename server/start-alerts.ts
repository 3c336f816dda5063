// What a checkout says loudly as it starts about settings that are allowed but risky: the emulator or
// client-given amounts with real money, an https public URL with no trusted proxy.
import type { Env } from './env';
import type { Logger } from './logger';

export function logStartAlerts(env: Env, log: Logger): void {
  if (env.zalopay.mode === 'emulator' && env.emulator.inProductionOnPurpose) {
    log.error(
      { alert: 'emulator_in_production' },
      'ZALOPAY_MODE=emulator with NODE_ENV=production or an https PUBLIC_BASE_URL: no payment taken here is real',
    );
  }
  if (env.orders.clientAmountsInProduction) {
    log.error(
      { alert: 'client_amounts_in_production' },
      'ACCEPT_CLIENT_AMOUNTS with real money (ACCEPT_CLIENT_AMOUNTS_IN_PRODUCTION=true): POST /api/payment/create takes the amount the browser sends, and such orders are fulfilled',
    );
  }
  if (env.security.trustProxy === false && env.publicBaseUrl?.startsWith('https://')) {
    // Node serves plain http here, so an https public URL usually means a TLS proxy in front.
    log.warn(
      'PUBLIC_BASE_URL is https but TRUST_PROXY is off: if a proxy terminates TLS in front, every client shares its IP (rate limits, sign-in lockout); set TRUST_PROXY (e.g. 1)',
    );
  }
}
