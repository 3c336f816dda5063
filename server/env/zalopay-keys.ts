// Where each ZaloPay mode's gateway lives, and the checks of real (sandbox or production) keys: no
// placeholder, no key used twice, no published sandbox key borrowed for another app or for production.
import { PUBLIC_SANDBOX_APPS } from '../zalopay';
import type { ZaloPayMode } from './variables';

export const GATEWAY_HOSTS = {
  sandbox: { api: 'https://sb-openapi.zalopay.vn', gateway: 'https://sbgateway.zalopay.vn' },
  production: { api: 'https://openapi.zalopay.vn', gateway: 'https://gateway.zalopay.vn' },
} as const;

const PUBLIC_KEYS = new Set(PUBLIC_SANDBOX_APPS.flatMap((app) => [app.key1, app.key2]));
/** Real ZaloPay keys are 32 characters with no spaces; this refuses placeholders such as "..." or "key1". */
const KEY_SHAPE = /^\S{16,}$/;

/** Problems with real (sandbox or production) keys: placeholders, one key used twice, borrowed public keys. */
export function keyProblems(
  mode: ZaloPayMode,
  appId: number | undefined,
  key1: string,
  key2: string,
) {
  // The published sandbox apps may be used against the real sandbox, but only as a whole (id and both keys).
  const isPublishedApp = PUBLIC_SANDBOX_APPS.some(
    (app) => app.appId === appId && app.key1 === key1 && app.key2 === key2,
  );
  const problems: string[] = [];
  for (const [name, key] of [
    ['ZALOPAY_KEY1', key1],
    ['ZALOPAY_KEY2', key2],
  ] as const) {
    if (!KEY_SHAPE.test(key)) {
      problems.push(`${name}: looks like a placeholder (at least 16 characters, no spaces)`);
    } else if (PUBLIC_KEYS.has(key) && mode === 'production') {
      problems.push(`${name}: a public sandbox key cannot be used in production`);
    } else if (PUBLIC_KEYS.has(key) && !isPublishedApp) {
      problems.push(`${name}: a public sandbox key, not one of app ${appId}'s own keys`);
    }
  }
  if (key1 === key2) problems.push('ZALOPAY_KEY2: must differ from ZALOPAY_KEY1');
  return problems;
}
