import { describe, expect, it } from 'vitest';
import { isValidInn } from '../../../models/marking/inn.js';
import { parseErid, parseInn, parseMarkingName } from '../../../models/marking/marking.js';

describe('INN control digits', () => {
  it.each(['7707083893', '7830002293', '500100732259', '773370857141'])('accepts %s', (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  it.each([
    ['7707083894', 'wrong 10th digit'],
    ['500100732258', 'wrong 12th digit'],
    ['500100732249', 'wrong 11th digit'],
    ['0000000000', 'all zeros'],
    ['770708389', '9 digits'],
    ['77070838931', '11 digits'],
    ['77070838a3', 'a letter'],
  ])('refuses %s (%s)', (inn) => {
    expect(isValidInn(inn)).toBe(false);
  });

  it('parses typed INNs: spaces ignored, format and checksum told apart', () => {
    expect(parseInn(' 7707 083 893 ')).toEqual({ ok: true, value: '7707083893' });
    expect(parseInn('12345')).toMatchObject({ ok: false, code: 'inn_format' });
    expect(parseInn('7707083894')).toMatchObject({ ok: false, code: 'inn_checksum' });
  });
});

describe('marking name and erid', () => {
  it('collapses whitespace and checks 2–200 characters', () => {
    expect(parseMarkingName('  ООО   «Ромашка» ')).toEqual({ ok: true, value: 'ООО «Ромашка»' });
    expect(parseMarkingName('A')).toMatchObject({ ok: false, code: 'name_too_short' });
    expect(parseMarkingName('x'.repeat(201))).toMatchObject({ ok: false, code: 'name_too_long' });
  });

  it('accepts 1–64 Latin letters and digits as erid', () => {
    expect(parseErid(' 2VtzqwYfL5C ')).toEqual({ ok: true, value: '2VtzqwYfL5C' });
    expect(parseErid('a'.repeat(64)).ok).toBe(true);
    for (const bad of ['', 'a'.repeat(65), 'abc def', 'эрид', 'abc-1', 'x"><']) {
      expect(parseErid(bad)).toMatchObject({ ok: false, code: 'erid_format' });
    }
  });
});
