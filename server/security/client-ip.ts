// The client's IP address as Express works out req.ip, for the routes answered outside Express (tRPC):
// the socket's peer, or, with TRUST_PROXY, the address X-Forwarded-For names past the trusted hops only.
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustProxySetting } from './trust-proxy';

/** The same proxy-addr call Express makes for req.ip, with its reading of the setting. */
export function clientIpResolver(setting: TrustProxySetting): (req: IncomingMessage) => string {
  const trust =
    typeof setting === 'number'
      ? (_address: string, hop: number) => hop < setting
      : proxyAddr.compile(setting || []);
  return (req) => proxyAddr(req, trust);
}
