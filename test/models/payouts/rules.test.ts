import { describe, expect, it } from 'vitest';
import {
  maskDetails,
  parseAmount,
  payoutMinimums,
  validateDestination,
} from '../../../models/payouts/rules.js';

describe('payout rules', () => {
  it('parses typed amounts into minor units; Stars only whole', () => {
    expect(parseAmount('1500', 'RUB')).toBe(150_000);
    expect(parseAmount('1 500,5', 'RUB')).toBe(150_050);
    expect(parseAmount('12.34', 'USD')).toBe(1_234);
    expect(parseAmount('1200', 'XTR')).toBe(1_200);
    expect(parseAmount('12.5', 'XTR')).toBeUndefined();
    expect(parseAmount('1.234', 'USD')).toBeUndefined();
    expect(parseAmount('-5', 'USD')).toBeUndefined();
    expect(parseAmount('0', 'USD')).toBeUndefined();
    expect(parseAmount('ten', 'USD')).toBeUndefined();
  });

  it('has a minimum per currency', () => {
    expect(payoutMinimums).toEqual({ RUB: 100_000, USD: 1_000, EUR: 1_000, XTR: 1_000 });
  });

  it('validates the method and the details length', () => {
    expect(validateDestination({ method: 'card', details: '  4111 1111 1111 1111 ' })).toEqual({
      ok: true,
      value: { method: 'card', details: '4111 1111 1111 1111' },
    });
    expect(validateDestination({ method: 'cash', details: '4111 1111' })).toMatchObject({
      code: 'invalid_method',
    });
    expect(validateDestination({ method: 'bank', details: 'abc' })).toMatchObject({
      code: 'details_too_short',
    });
    expect(validateDestination({ method: 'bank', details: 'x'.repeat(301) })).toMatchObject({
      code: 'details_too_long',
    });
  });

  it('masks all but the last 4 digits (or characters)', () => {
    expect(maskDetails('4111 1111 1111 1234')).toBe('•••• 1234');
    expect(maskDetails('DE89 3704 0044 0532 0130 00, Commerzbank')).toBe('•••• 3000');
    expect(maskDetails('wallet abc')).toBe('•••• tabc');
  });
});
