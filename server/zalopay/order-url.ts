// ZaloPay's order_url: `<gateway>/openinapp?order=<base64 of {"zptranstoken":...,"appid":...}>`
// (docs/zalopay-protocol.md §1.2, verified on real URLs). The emulator builds these; tests and logs decode them.
import { z } from 'zod';

export interface OrderUrlParts {
  zpTransToken: string;
  appId: number;
}

const orderParamSchema = z.looseObject({ zptranstoken: z.string().min(1), appid: z.int() });

/** Standard base64 with padding of the compact JSON, appended unescaped, as ZaloPay does. */
export function buildOrderUrl(gatewayOrigin: string, parts: OrderUrlParts): string {
  const json = JSON.stringify({ zptranstoken: parts.zpTransToken, appid: parts.appId });
  const origin = gatewayOrigin.replace(/\/+$/, '');
  return `${origin}/openinapp?order=${Buffer.from(json, 'utf8').toString('base64')}`;
}

/** The token and app id inside an order_url (or a cashier_order_url), or null if it has none. */
export function decodeOrderUrl(orderUrl: string): OrderUrlParts | null {
  let search: string;
  try {
    search = new URL(orderUrl).search.slice(1);
  } catch {
    return null;
  }
  // Read the raw value: URLSearchParams would turn a base64 '+' into a space.
  const rawValue = search
    .split('&')
    .find((pair) => pair.startsWith('order='))
    ?.slice('order='.length);
  if (!rawValue) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(decodeURIComponent(rawValue), 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = orderParamSchema.safeParse(json);
  return parsed.success
    ? { zpTransToken: parsed.data.zptranstoken, appId: parsed.data.appid }
    : null;
}
