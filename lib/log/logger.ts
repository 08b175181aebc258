import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { REDACTED_PATHS } from './redaction';

/**
 * Structured logs: one JSON line per event (pino), `{"time":"…","level":"info","message":"…",…}`,
 * at the level LOG_LEVEL sets (debug, info, warn, error; THALAMUS_LOG_LEVEL is the older
 * name). Secrets never go in, and a redaction list (./redaction.ts) blanks any field that
 * could hold one anyway. With a terminal attached the lines are printed for people instead.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS = new Set<string>(['debug', 'info', 'warn', 'error']);

function configuredLevel(): Level {
  const configured = process.env.LOG_LEVEL || process.env.THALAMUS_LOG_LEVEL || 'info';
  return (LEVELS.has(configured) ? configured : 'info') as Level;
}

let everythingToStderr = false;

/**
 * For the CLI: its standard output is the command's answer (`--json` is parsed by
 * scripts), so its logs ("mail sent") all go to standard error.
 */
export function logToStderr(): void {
  everythingToStderr = true;
  loggers = undefined;
}

function destination(fd: 1 | 2): DestinationStream {
  const tty = (fd === 1 ? process.stdout : process.stderr).isTTY;
  // pino-pretty as a plain stream, in this thread: no transport worker to bundle or lose on exit.
  return tty ? pretty({ destination: fd, sync: true, messageKey: 'message', translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) : pino.destination({ fd, sync: true });
}

/** A logger writing to `stream` with Thalamus's format and redaction (exported for its tests). */
export function createLogger(stream: DestinationStream, level: Level = configuredLevel()): Logger {
  return pino(
    {
      level,
      messageKey: 'message',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    stream,
  );
}

const create = (fd: 1 | 2) => createLogger(destination(fd));

// Warnings and errors go to standard error, the rest to standard output (as before pino).
let loggers: { out: Logger; err: Logger } | undefined;
function logger(level: Level): Logger {
  loggers ??= everythingToStderr ? { out: create(2), err: create(2) } : { out: create(1), err: create(2) };
  return level === 'warn' || level === 'error' ? loggers.err : loggers.out;
}

function write(level: Level, message: string, context?: Record<string, unknown>) {
  logger(level)[level](context ?? {}, message);
}

export const log = {
  debug: (message: string, context?: Record<string, unknown>) => write('debug', message, context),
  info: (message: string, context?: Record<string, unknown>) => write('info', message, context),
  warn: (message: string, context?: Record<string, unknown>) => write('warn', message, context),
  error: (message: string, context?: Record<string, unknown>) => write('error', message, context),
};
