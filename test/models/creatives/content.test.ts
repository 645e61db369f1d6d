import { describe, expect, it } from 'vitest';
import { contentFromAlbum, contentFromMessage } from '../../../models/creatives/content.js';

describe('creative content from messages', () => {
  it('keeps text with entities and media with caption and caption entities', () => {
    const entities = [{ type: 'bold', offset: 0, length: 2 }];
    expect(contentFromMessage({ message_id: 1, text: 'Hi there', entities })).toEqual({
      ok: true,
      value: { kind: 'text', text: 'Hi there', entities },
    });
    expect(
      contentFromMessage({
        message_id: 2,
        photo: [{ file_id: 'small' }, { file_id: 'large' }],
        caption: 'Cap',
        caption_entities: entities,
      }),
    ).toEqual({
      ok: true,
      value: { kind: 'photo', file_id: 'large', caption: 'Cap', caption_entities: entities },
    });
    expect(
      contentFromMessage({
        message_id: 3,
        animation: { file_id: 'A' },
        document: { file_id: 'A' },
      }),
    ).toEqual({ ok: true, value: { kind: 'animation', file_id: 'A' } });
  });

  it('refuses stickers, voice, polls and locations', () => {
    for (const message of [{ sticker: {} }, { voice: {} }, { poll: {} }, { location: {} }]) {
      expect(contentFromMessage({ message_id: 1, ...message })).toMatchObject({
        ok: false,
        code: 'unsupported',
      });
    }
    expect(contentFromMessage({ message_id: 1, text: '   ' })).toMatchObject({
      ok: false,
      code: 'empty',
    });
  });

  it('builds albums in message order with one caption, at most 10 items', () => {
    const album = contentFromAlbum([
      { message_id: 8, video: { file_id: 'V' } },
      { message_id: 7, photo: [{ file_id: 'P' }], caption: 'Album' },
    ]);
    expect(album).toEqual({
      ok: true,
      value: {
        kind: 'album',
        items: [
          { type: 'photo', file_id: 'P' },
          { type: 'video', file_id: 'V' },
        ],
        caption: 'Album',
      },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      message_id: i,
      photo: [{ file_id: `p${i}` }],
    }));
    expect(contentFromAlbum(eleven)).toMatchObject({ ok: false, code: 'album_too_large' });
  });
});
