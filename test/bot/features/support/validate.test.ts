import { describe, expect, it } from 'vitest';
import {
  isCommand,
  supportTextLimit,
  validateSupportText,
} from '../../../../bot/features/support/validate.js';

describe('validateSupportText', () => {
  it('accepts trimmed text up to the limit', () => {
    expect(validateSupportText({ text: '  How do I pay?  ' })).toEqual({
      ok: true,
      value: 'How do I pay?',
    });
    expect(validateSupportText({ text: 'x'.repeat(supportTextLimit) }).ok).toBe(true);
  });

  it('refuses messages without text and blank text', () => {
    expect(validateSupportText({})).toMatchObject({ ok: false, code: 'not_text' });
    expect(validateSupportText({ text: '   ' })).toMatchObject({ ok: false, code: 'not_text' });
  });

  it('refuses text over the limit', () => {
    expect(validateSupportText({ text: 'x'.repeat(5000) })).toMatchObject({
      ok: false,
      code: 'too_long',
    });
  });
});

describe('isCommand', () => {
  it('is true only for a leading bot_command entity', () => {
    expect(isCommand({ entities: [{ type: 'bot_command', offset: 0, length: 6 }] })).toBe(true);
    expect(isCommand({ entities: [{ type: 'bot_command', offset: 3, length: 6 }] })).toBe(false);
    expect(isCommand({ entities: [{ type: 'bold', offset: 0, length: 2 }] })).toBe(false);
    expect(isCommand({})).toBe(false);
  });
});
