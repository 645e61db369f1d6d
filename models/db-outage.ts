/** Socket errors of a database that is down, restarting or unreachable. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a server going away: admin/crash shutdown, cannot connect now, class 08. */
const serverGoneStates = new Set(['57P01', '57P02', '57P03']);

/** pg's texts for a connection lost or never made (they carry no code). */
const lostConnection =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i;

/**
 * True when `err` (or an error it wraps: drizzle's `cause`, an AggregateError's `errors`) says the
 * database could not be reached, rather than that a query was wrong. Outages are expected and
 * noisy; callers throttle their logging of them (models/log-throttle.ts).
 */
export function isDatabaseOutage(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const { code, message, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (socketCodes.has(code) || serverGoneStates.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
      return true;
    }
  }
  if (typeof message === 'string' && lostConnection.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseOutage(e, depth + 1))) return true;
  return isDatabaseOutage(cause, depth + 1);
}
