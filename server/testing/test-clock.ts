// Test support: one clock for the emulator and the checkout, so a test can move "now" for both at once
// (the service harness hands it to the emulator, the payments service and the poller).

export interface TestClock {
  nowMs(): number;
  now(): Date;
  advance(ms: number): void;
}

export function createTestClock(): TestClock {
  let offsetMs = 0;
  return {
    nowMs: () => Date.now() + offsetMs,
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms) => {
      offsetMs += ms;
    },
  };
}
