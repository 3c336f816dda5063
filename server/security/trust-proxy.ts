// TRUST_PROXY: which hops in front of the app may name the client's IP in X-Forwarded-For. Off by
// default, so a client cannot pick its own IP (and its own rate-limit key) by sending the header.
import { isIP } from 'node:net';
import { z } from 'zod';

/** What Express's 'trust proxy' setting receives: off, a hop count, or the proxies' addresses. */
export type TrustProxySetting = false | number | string[];

/** Express's names for the private ranges a proxy usually sits in. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `false`/`0`/unset: trust nobody (req.ip is the socket's peer). `N`: trust N proxies in front.
 * `10.0.0.0/8,loopback`: trust those addresses. `true` (trust everyone) is refused: it lets any
 * client spoof its IP.
 */
export const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((text, ctx): TrustProxySetting => {
    if (text === '' || text === 'false') return false;
    if (text === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would trust any X-Forwarded-For a client sends; give the number of proxies in front (e.g. 1) or their addresses',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      return hops === 0 ? false : hops;
    }
    const entries = text.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isAddressOrSubnet(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `not a hop count, an IP address, a CIDR subnet or loopback/linklocal/uniquelocal: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });
