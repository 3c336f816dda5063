// The embedded emulator's admin API pays any order without a payment: whatever HOST the checkout
// listens on, it answers only requests from this machine (loopback peers); anyone else gets a 404.
import type { RequestHandler } from 'express';
import proxyAddr from 'proxy-addr';

const isLoopbackAddress = proxyAddr.compile('loopback');

export function isLoopbackPeer(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && isLoopbackAddress(remoteAddress, 0);
}

export const loopbackOnly: RequestHandler = (req, res, next) => {
  if (isLoopbackPeer(req.socket.remoteAddress)) {
    next();
    return;
  }
  res.status(404).json({ error: 'not found' });
};
