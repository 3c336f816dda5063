// The chaos tests' only waiting loop: checks a condition every `everyMs` until it holds or the time
// limit passes, so no wait is unbounded in count or time.
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves with the elapsed ms once check() returns true; with null if the limit passed first. */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: { limitMs: number; everyMs?: number },
): Promise<number | null> {
  const startedAt = performance.now();
  const everyMs = options.everyMs ?? 250;
  const rounds = Math.ceil(options.limitMs / everyMs) + 1;
  for (let round = 0; round < rounds; round++) {
    if (await check()) return performance.now() - startedAt;
    if (performance.now() - startedAt > options.limitMs) break;
    await sleep(everyMs);
  }
  return null;
}
