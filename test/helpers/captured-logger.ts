import { createLogger } from '../../models/logger.js';

/** A logger whose lines are kept as JSON objects; `count` says how many start with a text. */
export function capturedLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  const count = (msg: string) => lines.filter((l) => l.msg.startsWith(msg)).length;
  return { logger, lines, count };
}
