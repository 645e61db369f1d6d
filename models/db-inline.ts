import pg from 'pg';

/**
 * A parameter as an SQL literal. Strings go through pg's escapeLiteral (quotes doubled; a string
 * with backslashes becomes an E'' literal), so the result reads the same whatever
 * standard_conforming_strings is. Only the shapes drizzle hands a driver are accepted.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot inline the number ${value}`);
    // In parentheses when negative: `x-$1` must not become `x--5` (a comment).
    return value < 0 ? `(${value})` : String(value);
  }
  if (typeof value === 'bigint') return value < 0n ? `(${value})` : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  throw new TypeError(`cannot inline a parameter of type ${typeof value}`);
}

/**
 * The text of a parameterised query with `$n` replaced by its parameter as a literal; `$n` inside
 * quoted literals or identifiers is left alone.
 */
export function inlineParams(text: string, params: readonly unknown[]): string {
  let out = '';
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      out += c;
      if (c === quote) quote = undefined; // a doubled quote closes and reopens: same result
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += c;
      continue;
    }
    const digits = c === '$' ? /^\d+/.exec(text.slice(i + 1))?.[0] : undefined;
    if (!digits) {
      out += c;
      continue;
    }
    const index = Number(digits) - 1;
    if (index < 0 || index >= params.length) throw new RangeError(`no parameter $${digits}`);
    out += sqlLiteral(params[index]);
    i += digits.length;
  }
  return out;
}
