import type { LogLevel } from './config.js';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** One plain line per event on stderr/stdout; `BATON_LOG=warn` keeps only what needs attention. */
export function createLogger(level: LogLevel, sink: (line: string, level: LogLevel) => void = print): Logger {
  const at =
    (lineLevel: LogLevel) =>
    (message: string): void => {
      if (RANK[lineLevel] >= RANK[level]) sink(message, lineLevel);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function print(line: string, level: LogLevel): void {
  if (level === 'warn' || level === 'error') console.error(`baton ${level}: ${line}`);
  else console.log(`baton: ${line}`);
}
