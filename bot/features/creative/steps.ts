import { InlineKeyboard } from 'grammy';
import {
  buttonLimits,
  layoutButtons,
  parseButtonInput,
  validateButtonUrl,
} from '../../../models/creatives/buttons.js';
import {
  contentFromAlbum,
  contentFromMessage,
  type Creative,
  type CreativeButton,
  type CreativeContent,
  type IncomingMessage,
} from '../../../models/creatives/content.js';
import { checkContentRules } from '../../../models/creatives/content-rules.js';
import type { BundleChannel } from '../../../models/creatives/bundle.js';
import { checkCreativeLength } from '../../../models/creatives/render.js';
import type { Marking } from '../../../models/marking/marking.js';
import type { ConversationContext } from '../../context.js';
import { waitAnswer, type BotConversation } from '../../kit/conversation.js';
import { buttonErrorText, contentErrorText, refusedText, tooLongText } from './texts.js';

/** The first channel rule a creative breaks, as a refusal text; null when it breaks none. */
export function ruleRefusal(
  ctx: ConversationContext,
  creative: Creative,
  channels: BundleChannel[],
): string | null {
  for (const channel of channels) {
    const verdict = checkContentRules(creative, channel);
    if (!verdict.ok) {
      return refusedText(ctx.t, { ...verdict.detail, code: verdict.code, channel: channel.title });
    }
  }
  return null;
}

/**
 * Asks for the post: text, one media with caption, or an album (collected until «Done»). Refuses
 * anything else and a post too long with the known marking line, re-asking each time.
 */
export async function askContent(
  conversation: BotConversation,
  ctx: ConversationContext,
  marking: Marking | null,
  channels: BundleChannel[],
): Promise<CreativeContent> {
  await ctx.reply(ctx.t('creative-ask-content'));
  let album: IncomingMessage[] = [];
  for (;;) {
    const answer = await waitAnswer(conversation, ctx, ['crt:album']);
    let content;
    if (answer.callbackQuery) {
      content = contentFromAlbum(album);
      album = [];
    } else {
      const message = answer.message as unknown as IncomingMessage;
      if (message.media_group_id) {
        album.push(message);
        if (album.length === 1) {
          const keyboard = new InlineKeyboard().text(ctx.t('creative-album-done'), 'crt:album');
          await answer.reply(ctx.t('creative-album-collecting'), {
            reply_markup: keyboard,
          });
        }
        continue;
      }
      album = [];
      content = contentFromMessage(message);
    }
    if (!content.ok) {
      await answer.reply(contentErrorText(ctx.t, content.code, content.detail));
      continue;
    }
    const length = checkCreativeLength({ content: content.value, buttons: [] }, marking);
    if (!length.ok) {
      await answer.reply(tooLongText(ctx.t, length.detail, marking !== null));
      continue;
    }
    const refusal = ruleRefusal(ctx, { content: content.value, buttons: [] }, channels);
    if (refusal) {
      await answer.reply(refusal);
      continue;
    }
    return content.value;
  }
}

function buttonsPrompt(ctx: ConversationContext, count: number) {
  const keyboard = new InlineKeyboard();
  if (count > 0) keyboard.text(ctx.t('creative-buttons-done'), 'crt:bdone');
  else keyboard.text(ctx.t('creative-buttons-skip'), 'crt:bskip');
  return { reply_markup: keyboard };
}

/** Collects up to 6 URL buttons («label — URL», or the label then the URL); «Done» / «Skip». */
export async function askButtons(
  conversation: BotConversation,
  ctx: ConversationContext,
  channels: BundleChannel[],
): Promise<CreativeButton[][]> {
  const buttons: CreativeButton[] = [];
  let label: string | null = null;
  await ctx.reply(
    ctx.t('creative-ask-buttons', { max: buttonLimits.total }),
    buttonsPrompt(ctx, 0),
  );
  for (;;) {
    const answer = await waitAnswer(conversation, ctx, ['crt:bdone', 'crt:bskip']);
    if (answer.callbackQuery) return layoutButtons(buttons);
    const text = answer.message?.text?.trim();
    if (!text) {
      await answer.reply(ctx.t('creative-buttons-text-only'), buttonsPrompt(ctx, buttons.length));
      continue;
    }
    let parsed = parseButtonInput(text);
    if (label !== null && !/\s/.test(text)) {
      const url = validateButtonUrl(text);
      parsed = url.ok ? { ok: true, value: { text: label, url: url.value } } : url;
    }
    if (!parsed.ok) {
      if (parsed.code === 'no_url') {
        label = String(parsed.detail?.label ?? '');
        await answer.reply(ctx.t('creative-ask-button-url', { label: label }));
      } else {
        await answer.reply(
          `${buttonErrorText(ctx.t, parsed.code, parsed.detail)}\n${ctx.t('creative-try-again')}`,
          buttonsPrompt(ctx, buttons.length),
        );
      }
      continue;
    }
    label = null;
    const alone: Creative = { content: { kind: 'text', text: '' }, buttons: [[parsed.value]] };
    const refusal = ruleRefusal(ctx, alone, channels);
    if (refusal) {
      await answer.reply(refusal, buttonsPrompt(ctx, buttons.length));
      continue;
    }
    buttons.push(parsed.value);
    if (buttons.length >= buttonLimits.total) {
      await answer.reply(ctx.t('creative-buttons-full', { max: buttonLimits.total }));
      return layoutButtons(buttons);
    }
    await answer.reply(
      ctx.t('creative-button-added', {
        label: parsed.value.text,
        url: parsed.value.url,
        count: buttons.length,
        max: buttonLimits.total,
      }),
      buttonsPrompt(ctx, buttons.length),
    );
  }
}
