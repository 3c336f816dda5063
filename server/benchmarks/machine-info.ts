// Describes the machine a benchmark ran on, so every figure in docs/benchmarks.md can be read in context.
import os from 'node:os';

export function loadAverage(): number {
  return os.loadavg()[0] ?? Number.NaN;
}

export function describeMachine(database: string, loadAverageAtStart: number) {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    database,
    loadAverageAtStart,
    loadAverageAtEnd: loadAverage(),
  };
}
