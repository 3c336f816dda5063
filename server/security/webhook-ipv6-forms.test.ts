// Issue 26, item 3: the production webhook guard judged IPv6 addresses by their IPv6 ranges only, so
// an IPv6 form that carries a private IPv4 address (NAT64, IPv4-compatible, IPv4-translated, 6to4)
// passed, and so did site-local fec0::/10. Each form is refused at start and at connection.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERCHANT_KEYS, problemsOf } from '../testing/env-refusals';
import { postWebhook } from '../webhooks/post-webhook';
import {
  isNonPublicAddress,
  productionDestinationProblem,
  publicAddressesVia,
} from '../webhooks/webhook-destination';

/** Each form of a private IPv4 address (and site-local), as a URL carries it. */
const PRIVATE_FORMS = [
  ['NAT64 of the metadata address', '64:ff9b::169.254.169.254'],
  ['NAT64, hex', '64:ff9b::a9fe:a9fe'],
  ['NAT64 of 10.1.2.3', '64:ff9b::a01:203'],
  ['IPv4-compatible loopback', '::7f00:1'],
  ['IPv4-compatible 192.168.1.1', '::192.168.1.1'],
  ['IPv4-translated loopback', '::ffff:0:7f00:1'],
  ['IPv4-translated 172.16.0.9', '::ffff:0:172.16.0.9'],
  ['IPv4-mapped loopback, hex', '::ffff:7f00:1'],
  ['6to4 of loopback', '2002:7f00:1::1'],
  ['6to4 of the metadata address', '2002:a9fe:a9fe::'],
  ['6to4 of 10.0.0.1', '2002:a00:1:1234::5'],
  ['site-local', 'fec0::1'],
  ['site-local, upper end', 'feff:ffff::1'],
] as const;

const PUBLIC_FORMS = [
  '64:ff9b::8.8.8.8',
  '::ffff:0:8.8.8.8',
  '2002:808:808::1',
  '::ffff:93.184.216.34',
  '2606:2800:220:1::1',
];

const production = {
  ...MERCHANT_KEYS,
  ZALOPAY_MODE: 'production',
  DATABASE_URL: 'postgres://db.example.vn/shop',
  MERCHANT_WEBHOOK_SECRET: 'whsec-0123456789abcdefghijklmnopqrstuv',
};

describe('IPv6 forms of private IPv4 addresses in a production webhook URL', () => {
  it.each(PRIVATE_FORMS)('refuses %s (%s) at start', async (_label, address) => {
    const url = `https://[${address}]/hooks`;
    expect(problemsOf({ ...production, MERCHANT_WEBHOOK_URL: url }).join('\n')).toContain(
      'private address',
    );
    expect(await productionDestinationProblem(new URL(url))).toContain('private address');
  });

  it.each(PUBLIC_FORMS)('lets the public address %s through', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('a webhook host name that resolves to one of those forms, at connection', () => {
  let receiver: Server;
  let port: number;
  let received = 0;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received += 1;
      req.resume();
      res.end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  /** A DNS answer the attacker controls: the name resolves to `address`. */
  const answering =
    (address: string) =>
    (
      _hostname: string,
      _options: unknown,
      callback: (error: null, addresses: Array<{ address: string; family: number }>) => void,
    ) =>
      callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);

  // A fresh host name per delivery: the agent keeps connections alive, and a kept one skips the lookup.
  let deliveries = 0;
  const deliver = (lookup: Parameters<typeof postWebhook>[0]['lookup']) =>
    postWebhook({
      url: new URL(`http://hooks-${(deliveries += 1)}.merchant.test:${port}/hooks`),
      body: '{}',
      signature: 'sig',
      timeoutMs: 2_000,
      lookup,
    });

  it('reaches the receiver inside the network without the guard (the attack is real)', async () => {
    const before = received;
    const outcome = await deliver((hostname, options, callback) =>
      answering('::ffff:7f00:1')(hostname, options, (_error, addresses) =>
        options.all
          ? callback(null, addresses)
          : callback(null, addresses[0]!.address, addresses[0]!.family),
      ),
    );
    expect(outcome.statusCode).toBe(200);
    expect(received).toBe(before + 1);
  });

  it.each(PRIVATE_FORMS)('refuses %s (%s) before connecting', async (_label, address) => {
    const before = received;
    const outcome = await deliver(publicAddressesVia(answering(address)));
    expect(outcome).toMatchObject({ statusCode: null });
    expect(outcome.error).toContain(`resolves to ${address}, which is not a public address`);
    expect(received).toBe(before);
  });
});
