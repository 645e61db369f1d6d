import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compactSpecPath,
  deriveSpec,
  serializeSpec,
  type RawSpec,
} from '../../../sandbox/spec/derive-spec.js';
import { loadSpec } from '../../../sandbox/spec/load-spec.js';

/** A slice of the full spec's shape: one method, a union and its members. */
const raw: RawSpec = {
  version: 'Bot API 10.1',
  methods: {
    sendMessage: {
      fields: [
        { name: 'text', types: ['String'], required: true, description: 'Text of the message' },
        { name: 'chat_id', types: ['Integer', 'String'], required: true },
      ],
    },
  },
  types: {
    InputMediaPhoto: {
      subtype_of: ['InputMedia'],
      fields: [
        {
          name: 'type',
          types: ['String'],
          required: true,
          description: 'Type of the result, must be photo',
        },
        { name: 'media', types: ['String'], required: true, description: 'File to send' },
      ],
    },
    InputMedia: { subtypes: ['InputMediaPhoto'] },
  },
};

describe('the committed compact Bot API spec', () => {
  it('derive-spec keeps names, types, required flags, unions and member discriminators only', async () => {
    const spec = deriveSpec(raw);
    expect(spec).toEqual({
      version: 'Bot API 10.1',
      methods: {
        sendMessage: {
          fields: [
            { name: 'text', types: ['String'], required: true },
            { name: 'chat_id', types: ['Integer', 'String'], required: true },
          ],
        },
      },
      types: {
        InputMedia: { subtypes: ['InputMediaPhoto'] },
        InputMediaPhoto: {
          fields: [
            { name: 'type', types: ['String'], required: true, const: 'photo' },
            { name: 'media', types: ['String'], required: true },
          ],
        },
      },
    });
    const committed = readFileSync(compactSpecPath, 'utf8');
    expect(await serializeSpec(JSON.parse(committed))).toBe(committed);
  });

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
