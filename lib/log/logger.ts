/**
 * Structured one-line JSON logs. Callers pass context objects; secrets never go in
 * (client secrets, API keys, passwords and tokens are not logged anywhere).
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = process.env.THALAMUS_LOG_LEVEL as Level | undefined;
  return order[configured ?? 'info'] ?? order.info;
}

let everythingToStderr = false;

/**
 * For the CLI: its standard output is the command's answer (`--json` is parsed by
 * scripts), so its logs ("mail sent") all go to standard error.
 */
export function logToStderr(): void {
  everythingToStderr = true;
}

function write(level: Level, message: string, context?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...context });
  (everythingToStderr || level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (message: string, context?: Record<string, unknown>) => write('debug', message, context),
  info: (message: string, context?: Record<string, unknown>) => write('info', message, context),
  warn: (message: string, context?: Record<string, unknown>) => write('warn', message, context),
  error: (message: string, context?: Record<string, unknown>) => write('error', message, context),
};
