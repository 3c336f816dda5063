// The reconnect delay starts short, grows, and never passes one second, whatever the pool's failure count.
import { describe, expect, it } from 'vitest';
import { reconnectDelaySeconds } from './reconnect-delay';

describe('reconnectDelaySeconds', () => {
  it('starts at 25 to 50 ms, doubles, and stays within 0.5 to 1 s from the fifth failure on', () => {
    for (let sample = 0; sample < 200; sample++) {
      const first = reconnectDelaySeconds(0);
      expect(first).toBeGreaterThanOrEqual(0.025);
      expect(first).toBeLessThanOrEqual(0.05);
      const third = reconnectDelaySeconds(2);
      expect(third).toBeGreaterThanOrEqual(0.1);
      expect(third).toBeLessThanOrEqual(0.2);
      for (const retries of [5, 10, 40, 1_000]) {
        const late = reconnectDelaySeconds(retries);
        expect(late).toBeGreaterThanOrEqual(0.5);
        expect(late).toBeLessThanOrEqual(1);
      }
    }
  });
});
