/** The PostgreSQL error code (SQLSTATE) a promise rejects with, looking through drizzle's wrapper. */
export async function pgErrorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    let current: unknown = err;
    while (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
      current = current.cause;
    }
    throw err;
  }
  throw new Error('expected the promise to reject');
}
