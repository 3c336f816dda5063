// Test support: a real pino logger whose lines are kept in memory, parsed, so a test can require the
// alert an attack must raise (and that nothing secret was written).
import { createLogger, type Logger } from '../logger';

export interface CapturedLog {
  log: Logger;
  /** Every line so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** The lines carrying this `alert` field. */
  alerts(alert: string): Array<Record<string, unknown>>;
}

export function capturedLog(level = 'info'): CapturedLog {
  const raw: string[] = [];
  const log = createLogger({ level, destination: { write: (line) => raw.push(line) } });
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, alerts: (alert) => lines().filter((line) => line.alert === alert) };
}
