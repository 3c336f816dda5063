// The embedded emulator pays any order (admin API), signs callbacks to any address (its ZaloPay API) and
// shows every request it saw (inspector): whatever HOST the checkout listens on, those answer only
// requests from this machine; anyone else gets a 404. Only the shopper's gateway pages face HOST.
import type { RequestHandler } from 'express';
import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';

const isLoopbackAddress = proxyAddr.compile('loopback');

export function isLoopbackPeer(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && isLoopbackAddress(remoteAddress, 0);
}

/** `::ffff:192.0.2.2` and `192.0.2.2` name the same peer. */
function plainAddress(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * Loopback peers; and, when the server listens on one address of its own (HOST=192.0.2.2, not a
 * wildcard), that address too: the checkout then calls its emulator there, from this machine.
 */
export function thisMachineOnly(host: string): RequestHandler {
  const ownAddress =
    isIP(host) !== 0 && host !== '0.0.0.0' && host !== '::' ? plainAddress(host) : null;
  return (req, res, next) => {
    const peer = req.socket.remoteAddress;
    if (
      isLoopbackPeer(peer) ||
      (ownAddress !== null && peer && plainAddress(peer) === ownAddress)
    ) {
      next();
      return;
    }
    res.status(404).json({ error: 'not found' });
  };
}

export const loopbackOnly: RequestHandler = thisMachineOnly('127.0.0.1');
