// Where webhooks may go. In production the merchant's URL must be https and must not lead to loopback,
// link-local or private addresses (a webhook is a request this server makes for whoever set the URL:
// pointed inside the network, it would reach what the internet cannot). The check runs at start and at
// every connection (the address the request really connects to), so DNS changes cannot get around it.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** IANA special-purpose IPv4 ranges a public webhook receiver never lives in. */
const NOT_PUBLIC_IPV4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;

/**
 * The IPv6 forms that carry an IPv4 address, each judged by that address: IPv4-mapped (::ffff:0:0/96),
 * IPv4-compatible (::/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96, which a NAT64
 * gateway turns into a connection to the IPv4 address) and 6to4 (2002::/16, the address in bits 16-47).
 */
function embeddedIpv4Subnets(network: string, prefix: number): Array<[string, number]> {
  const [a, b, c, d] = network.split('.').map(Number) as [number, number, number, number];
  const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
  return [
    [`::ffff:${network}`, 96 + prefix],
    [`::${network}`, 96 + prefix],
    [`::ffff:0:${network}`, 96 + prefix],
    [`64:ff9b::${network}`, 96 + prefix],
    [`2002:${hex(a, b)}:${hex(c, d)}::`, 16 + prefix],
  ];
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of NOT_PUBLIC_IPV4) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
  for (const [embedded, length] of embeddedIpv4Subnets(network, prefix)) {
    NOT_PUBLIC.addSubnet(embedded, length, 'ipv6');
  }
}
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b:1::', 48],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether an IP address is loopback, link-local, private or otherwise not on the public internet; an
 * IPv6 address that embeds an IPv4 address (above) is judged by that address, whichever way it is written.
 */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class WebhookDestinationError extends Error {}

type Resolver = (
  hostname: string,
  options: { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A dns.lookup for http.request that refuses to connect to a non-public address `resolve` gives. */
export function publicAddressesVia(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) =>
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const blocked = addresses.find((entry) => isNonPublicAddress(entry.address));
      if (blocked || addresses.length === 0) {
        const reason = blocked
          ? `${hostname} resolves to ${blocked.address}, which is not a public address`
          : `${hostname} has no address`;
        return callback(new WebhookDestinationError(reason), '', 0);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
}

/** The production webhook worker's lookup: the system's resolver, guarded. */
export const publicAddressesOnly: LookupFunction = publicAddressesVia(dnsLookup);

/** At start: the problem with a production webhook URL (naming the setting), or undefined. */
export async function productionDestinationProblem(url: URL): Promise<string | undefined> {
  if (url.protocol !== 'https:') return 'MERCHANT_WEBHOOK_URL: must be https:// in production';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await new Promise<string[]>((resolve) =>
        dnsLookup(host, { all: true }, (error, found) =>
          resolve(error ? [] : found.map((entry) => entry.address)),
        ),
      );
  if (addresses.length === 0) return `MERCHANT_WEBHOOK_URL: ${host} does not resolve`;
  const blocked = addresses.find(isNonPublicAddress);
  return blocked
    ? `MERCHANT_WEBHOOK_URL: ${host} resolves to ${blocked}, a loopback, link-local or private address (MERCHANT_WEBHOOK_ALLOW_PRIVATE=true allows it)`
    : undefined;
}
