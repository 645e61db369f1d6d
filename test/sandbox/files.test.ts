import { Api, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../helpers/sandbox.js';

describe('files', () => {
  let sandbox: Sandbox;
  let api: Api;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = new Api(sandbox.token, { apiRoot: sandbox.apiRoot });
  });
  afterAll(() => sandbox.close());

  it('uploads a photo by multipart, re-sends it by file_id and serves it via getFile', async () => {
    const user = sandbox.user();
    user.send('/start');
    const bytes = Buffer.from('not really a jpeg, but bytes all the same');
    const sent = await api.sendPhoto(user.id, new InputFile(bytes, 'chart.jpg'), {
      caption: '<b>Weekly</b> chart',
      parse_mode: 'HTML',
    });
    expect(sent.caption).toBe('Weekly chart');
    expect(sent.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 6 }]);
    const fileId = sent.photo?.at(-1)?.file_id ?? '';
    expect(fileId).not.toBe('');

    const again = await api.sendPhoto(user.id, fileId);
    expect(again.photo?.at(-1)?.file_id).toBe(fileId);

    const file = await api.getFile(fileId);
    const res = await fetch(`${sandbox.apiRoot}/file/bot${sandbox.token}/${file.file_path ?? ''}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);

    await expect(api.sendPhoto(user.id, 'no-such-file-id')).rejects.toThrow(
      'Bad Request: wrong file identifier/HTTP URL specified',
    );
    await expect(
      api.sendDocument(user.id, new InputFile(bytes, 'a.txt'), { caption: 'x'.repeat(1025) }),
    ).rejects.toThrow('Bad Request: message caption is too long');
  });

  it('sends albums with attach:// uploads and gets file_ids for user uploads', async () => {
    const user = sandbox.user();
    const fromUser = user.send({ photo: true, caption: 'my banner' });
    const userFileId = (fromUser.photo as { file_id: string }[])[0]?.file_id ?? '';
    const album = await api.sendMediaGroup(user.id, [
      { type: 'photo', media: new InputFile(Buffer.from('one'), 'one.jpg') },
      { type: 'photo', media: userFileId, caption: 'second' },
    ]);
    expect(album).toHaveLength(2);
    const groups = album.map((m) => (m as { media_group_id?: string }).media_group_id);
    expect(groups[0]).toBe(groups[1]);
    expect(album[1]?.caption).toBe('second');
  });
});
