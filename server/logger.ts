// The app's structured logger (pino): JSON lines in production, with every key, MAC and secret redacted.
// Modules receive a Logger as a dependency; only main.ts decides where lines go.
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { requestLogFields } from './observability/request-context';

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
  'adminToken',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'req.headers.cookie',
  'headers.cookie',
  'res.headers["set-cookie"]',
];

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  /** Where JSON lines go (default stdout); tests pass a stream to read them. Ignored when pretty. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Lines logged while a request is handled carry its id (X-Request-Id), wherever they come from.
    mixin: requestLogFields,
  };
  if (options.pretty) {
    return pino({ ...settings, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** A logger that writes nothing: for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
