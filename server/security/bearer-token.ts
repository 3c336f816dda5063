// A secret offered in an Authorization header (`Bearer <token>`), compared in constant time whatever
// its length: both sides are hashed to 32 bytes first. Used by /metrics (METRICS_TOKEN).
import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function bearerTokenMatches(expected: string, authorization: string | undefined): boolean {
  const offered = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  return offered !== undefined && timingSafeEqual(sha256(expected), sha256(offered));
}
