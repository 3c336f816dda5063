// The emulator's sense of "now": a base clock plus an offset that POST /admin/clock moves, so expiry,
// the 48-hour query window and refund processing can be tested without waiting.

export interface EmulatorClock {
  now(): number;
  offsetMs(): number;
  advance(ms: number): void;
  setOffset(ms: number): void;
}

export function createEmulatorClock(base: () => number = Date.now): EmulatorClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    offsetMs: () => offset,
    advance: (ms) => {
      offset += ms;
    },
    setOffset: (ms) => {
      offset = ms;
    },
  };
}
