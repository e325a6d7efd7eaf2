import pino, { type Logger } from 'pino';

/** JSON logs to stdout (one line per request); `LOG_LEVEL=silent` in tests. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'certflow-server' } });
}
