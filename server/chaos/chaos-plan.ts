// Seeded randomness for the chaos scenarios, so a failing run can be replayed: CHAOS_SEED picks the
// seed (every run prints the one it used), and each scenario draws its choices from it.
import { randomInt } from 'node:crypto';

/** A small, fast deterministic generator (mulberry32), enough for choosing fates and faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The run's seed: CHAOS_SEED when set (to replay a run), otherwise a fresh one. */
export function chaosSeed(): number {
  const fromEnv = Number(process.env.CHAOS_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : randomInt(1, 2 ** 31);
}

/** Picks one of the weighted choices, e.g. [['pay', 6], ['leave', 4]]. */
export function pickWeighted<T>(
  random: () => number,
  choices: ReadonlyArray<readonly [T, number]>,
): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  const last = choices[choices.length - 1];
  if (!last) throw new Error('no choices');
  return last[0];
}
