import type { Api } from 'grammy';
import type { InlineKeyboardMarkup, InputMediaPhoto, MessageEntity } from 'grammy/types';
import type { Creative } from '../models/creatives/content.js';
import { renderCreative } from '../models/creatives/render.js';
import type { Marking } from '../models/marking/marking.js';

type SendApi = Pick<
  Api,
  'sendMessage' | 'sendPhoto' | 'sendVideo' | 'sendAnimation' | 'sendDocument' | 'sendMediaGroup'
>;

/** The creative's URL buttons as an inline keyboard (undefined when there are none). */
export function buttonsKeyboard(creative: Creative): InlineKeyboardMarkup | undefined {
  const rows = creative.buttons
    .map((row) => row.map((button) => ({ text: button.text, url: button.url })))
    .filter((row) => row.length > 0);
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/**
 * Sends the post exactly as it will be published (renderCreative: marking line and erid links
 * applied) by file_id, with its URL buttons. An album cannot carry inline buttons: they follow in
 * a separate message whose text is `buttonsCaption` (a zero-width space when not given).
 * `transform` changes the rendered post before sending (publishing swaps links for /r/ codes).
 * Returns the ids of the messages sent.
 */
export async function sendCreativePreview(
  api: SendApi,
  chatId: number,
  creative: Creative,
  marking: Marking | null,
  buttonsCaption = '\u2063',
  transform: (rendered: Creative) => Creative = (rendered) => rendered,
): Promise<number[]> {
  const rendered = transform(renderCreative(creative, marking));
  const content = rendered.content;
  const reply_markup = buttonsKeyboard(rendered);
  const markup = reply_markup ? { reply_markup } : {};
  // The post as typed: its entities, none when it has none (never parsed as HTML).
  const caption = (c: { caption?: string; caption_entities?: unknown[] }) =>
    c.caption
      ? { caption: c.caption, caption_entities: (c.caption_entities ?? []) as MessageEntity[] }
      : {};
  switch (content.kind) {
    case 'text': {
      const entities = (content.entities ?? []) as MessageEntity[];
      const sent = await api.sendMessage(chatId, content.text, { entities, ...markup });
      return [sent.message_id];
    }
    case 'photo':
      return [
        (await api.sendPhoto(chatId, content.file_id, { ...caption(content), ...markup }))
          .message_id,
      ];
    case 'video':
      return [
        (await api.sendVideo(chatId, content.file_id, { ...caption(content), ...markup }))
          .message_id,
      ];
    case 'animation':
      return [
        (await api.sendAnimation(chatId, content.file_id, { ...caption(content), ...markup }))
          .message_id,
      ];
    case 'document':
      return [
        (await api.sendDocument(chatId, content.file_id, { ...caption(content), ...markup }))
          .message_id,
      ];
    case 'album': {
      const media = content.items.map((item, i) => ({
        type: item.type,
        media: item.file_id,
        ...(i === 0 ? caption(content) : {}),
      }));
      const sent = await api.sendMediaGroup(chatId, media as InputMediaPhoto[]);
      const ids = sent.map((message) => message.message_id);
      if (reply_markup) {
        ids.push((await api.sendMessage(chatId, buttonsCaption, { reply_markup })).message_id);
      }
      return ids;
    }
  }
}
