import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compactSpecPath,
  deriveSpecText,
  sharedSpecPath,
} from '../../../sandbox/spec/derive-spec.js';
import { loadSpec } from '../../../sandbox/spec/load-spec.js';

describe('the committed compact Bot API spec', () => {
  it.runIf(existsSync(sharedSpecPath))(
    'equals what derive-spec.ts makes from the shared spec',
    async () => {
      expect(readFileSync(compactSpecPath, 'utf8')).toBe(await deriveSpecText(sharedSpecPath));
    },
  );

  it('lists the methods and types the emulator validates against', () => {
    const spec = loadSpec();
    expect(spec.version).toMatch(/^Bot API \d+\.\d+$/);
    expect(spec.methods.sendMessage?.fields).toContainEqual({
      name: 'text',
      types: ['String'],
      required: true,
    });
    expect(spec.types.InputMedia?.subtypes).toContain('InputMediaPhoto');
    expect(spec.types.InputMediaPhoto?.fields).toContainEqual({
      name: 'type',
      types: ['String'],
      required: true,
      const: 'photo',
    });
  });
});
