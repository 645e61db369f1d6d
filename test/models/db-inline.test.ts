import { describe, expect, it } from 'vitest';
import { inlineParams, sqlLiteral } from '../../models/db-inline.js';

describe('sqlLiteral', () => {
  it('quotes strings (E-strings when there are backslashes) and writes other values plainly', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(-0.5)).toBe('(-0.5)');
    expect(sqlLiteral(-3n)).toBe('(-3)');
    expect(sqlLiteral(10n)).toBe('10');
    expect(sqlLiteral(false)).toBe('false');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(new Date('2026-01-02T03:04:05Z'))).toBe("'2026-01-02T03:04:05.000Z'");
  });

  it('refuses what it cannot write faithfully', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(TypeError);
    expect(() => sqlLiteral({ a: 1 })).toThrow(TypeError);
  });
});

describe('inlineParams', () => {
  it('replaces $n outside quotes only, $10 as a whole', () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParams(`select $1, '$2', "$3", $10 where x = 'it''s $1'`, params)).toBe(
      `select 1, '$2', "$3", 10 where x = 'it''s $1'`,
    );
  });

  it('keeps a negative number from turning `x-$1` into a comment', () => {
    expect(inlineParams('select 1-$1', [-5])).toBe('select 1-(-5)');
  });

  it('throws on a placeholder without a parameter', () => {
    expect(() => inlineParams('select $2', [1])).toThrow(RangeError);
  });
});
