import { assertNever, type Result } from '../../../models/errors.js';
import {
  markingNameLimits,
  parseErid,
  parseInn,
  parseMarkingName,
  type Marking,
} from '../../../models/marking/marking.js';
import type { ConversationContext } from '../../context.js';
import { html } from '../../html.js';
import { waitInput, type CreativeConversation } from '../creative/steps.js';

type MarkingCode =
  'name_too_short' | 'name_too_long' | 'inn_format' | 'inn_checksum' | 'erid_format';

function markingErrorText(ctx: ConversationContext, code: MarkingCode): string {
  switch (code) {
    case 'name_too_short':
    case 'name_too_long':
      return ctx.t('marking-error-name', { ...markingNameLimits });
    case 'inn_format':
      return ctx.t('marking-error-inn-format');
    case 'inn_checksum':
      return ctx.t('marking-error-inn-checksum');
    case 'erid_format':
      return ctx.t('marking-error-erid');
    default:
      return assertNever(code);
  }
}

async function askField(
  conversation: CreativeConversation,
  ctx: ConversationContext,
  prompt: string,
  parse: (text: string) => Result<string, MarkingCode>,
): Promise<string> {
  await ctx.reply(prompt, html);
  for (;;) {
    const answer = await waitInput(conversation, []);
    const text = answer.message?.text;
    if (!text) {
      await answer.reply(ctx.t('marking-text-only'), html);
      continue;
    }
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    await answer.reply(
      `${markingErrorText(ctx, parsed.code)}\n${ctx.t('creative-try-again')}`,
      html,
    );
  }
}

/** Asks for the advertiser's name, INN and erid (§6), re-asking each until it is valid. */
export async function askMarking(
  conversation: CreativeConversation,
  ctx: ConversationContext,
): Promise<Marking> {
  await ctx.reply(ctx.t('marking-intro'), html);
  const name = await askField(
    conversation,
    ctx,
    ctx.t('marking-ask-name', { ...markingNameLimits }),
    parseMarkingName,
  );
  const inn = await askField(conversation, ctx, ctx.t('marking-ask-inn'), parseInn);
  const erid = await askField(conversation, ctx, ctx.t('marking-ask-erid'), parseErid);
  return { name, inn, erid };
}
