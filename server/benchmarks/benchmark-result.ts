// The shape of one `npm run bench` run, as written to docs/benchmarks.json and rendered to
// docs/benchmarks.md: every figure carries its unit and, where the issue sets one, its target and verdict.

export interface Target {
  /** 'below': the figure must be under the value (latency, size); 'at_least': not under it (throughput). */
  comparison: 'below' | 'at_least';
  value: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: Target;
  verdict?: 'pass' | 'miss';
}

export interface CaseResult {
  id: string;
  title: string;
  figures: Figure[];
  /** How the case was measured, and anything a reader needs to read its figures right. */
  notes: string[];
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  database: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  loadAverageAtStart: number;
  loadAverageAtEnd: number;
}

/** A fix made because a figure missed its target: what was measured before and after it. */
export interface ChangeRecord {
  figure: string;
  before: string;
  after: string;
  cause: string;
  change: string;
}

/** A missed target whose cause was profiled but not fixed yet, with the change that would fix it. */
export interface OpenMiss {
  figure: string;
  cause: string;
  proposal: string;
}

export interface BenchmarkRun {
  date: string;
  command: string;
  quick: boolean;
  driver: 'postgres' | 'pglite';
  durationSeconds: number;
  machine: MachineInfo;
  cases: CaseResult[];
  changes: ChangeRecord[];
  openMisses: OpenMiss[];
}

export function verdictOf(value: number, target: Target): 'pass' | 'miss' {
  if (!Number.isFinite(value)) return 'miss';
  return target.comparison === 'below'
    ? value < target.value
      ? 'pass'
      : 'miss'
    : value >= target.value
      ? 'pass'
      : 'miss';
}

/** A measured figure; with a target, its verdict is decided here so every case judges the same way. */
export function figure(name: string, value: number, unit: string, target?: Target): Figure {
  return target
    ? { name, value, unit, target, verdict: verdictOf(value, target) }
    : { name, value, unit };
}

export const below = (value: number): Target => ({ comparison: 'below', value });
export const atLeast = (value: number): Target => ({ comparison: 'at_least', value });
