// How every operator page is sent: HTML that is never cached, framed or allowed to run a script; images
// only from this origin (the catalogue's uploads) or inline.
import type { Response } from 'express';

export function sendOperatorPage(res: Response, status: number, body: string): void {
  res
    .status(status)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    })
    .send(body);
}
