import { describe, expect, it } from 'vitest';
import { parseStartPayload } from '../../../../bot/features/start/welcome.js';

describe('parseStartPayload', () => {
  it('recognises channel deep links', () => {
    expect(parseStartPayload('ch_abc-12_X')).toEqual({ kind: 'channel', code: 'abc-12_X' });
  });

  it('treats missing, unknown and malformed payloads as none', () => {
    for (const payload of [undefined, '', 'hello', 'ch_', 'ch_<script>', `ch_${'a'.repeat(61)}`]) {
      expect(parseStartPayload(payload)).toEqual({ kind: 'none' });
    }
  });
});
