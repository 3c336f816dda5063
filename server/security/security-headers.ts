// The security headers of every answer (helmet), with a Content-Security-Policy the built React client
// runs under: its scripts, styles and API calls all come from this origin, and nothing may frame it.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Vite's build is one module script and one stylesheet from /assets; qrcode.react draws SVG elements
 * (no inline style); live status is SSE and fetch to /trpc. So 'self' covers everything, and no inline
 * script or style is allowed. Leaving for ZaloPay's order_url is a navigation, which CSP does not govern.
 * Routes with stricter needs set their own (the operator pages under /ops send `default-src 'none'`).
 */
export const CHECKOUT_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export interface SecurityHeadersOptions {
  /** PUBLIC_BASE_URL is https: add HSTS and upgrade-insecure-requests (both break plain-http localhost). */
  https: boolean;
}

export function securityHeaders({ https }: SecurityHeadersOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: https ? { ...CHECKOUT_CSP, 'upgrade-insecure-requests': [] } : CHECKOUT_CSP,
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The page sends shoppers on to ZaloPay, which needs no referrer from us.
    referrerPolicy: { policy: 'no-referrer' },
  });
}
