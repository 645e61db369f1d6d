/** Expected failures are values; `code` is a string literal union per use-case. */
export type Result<T, C extends string = string> =
  { ok: true; value: T } | { ok: false; code: C; detail?: Record<string, unknown> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(
  code: C,
  detail?: Record<string, unknown>,
): { ok: false; code: C; detail?: Record<string, unknown> } {
  return detail ? { ok: false, code, detail } : { ok: false, code };
}

/** Compile-time exhaustiveness for switches over codes. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
