// The app's structured logger (pino): JSON lines in production, with every key, MAC and secret redacted.
// Modules receive a Logger as a dependency; only main.ts decides where lines go.
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Paths whose values never reach a log line, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'key1',
  'key2',
  'mac',
  'checksum',
  '*.key1',
  '*.key2',
  '*.mac',
  '*.checksum',
  'config.zalopay.key1',
  'config.zalopay.key2',
  'headers.authorization',
  'req.headers.authorization',
  '*.adminToken',
];

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  });
}

/** A logger that writes nothing: for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
