import { InlineKeyboard } from 'grammy';
import { assertNever, type Result } from '../../../models/errors.js';
import {
  markingNameLimits,
  parseErid,
  parseInn,
  parseMarkingName,
  type Marking,
} from '../../../models/marking/marking.js';
import type { ConversationContext } from '../../context.js';
import { accept, refuse, type BotConversation } from '../../kit/conversation.js';
import { askChoice, askText } from '../../kit/steps.js';

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

function askField(
  conversation: BotConversation,
  ctx: ConversationContext,
  prompt: string,
  parse: (text: string) => Result<string, MarkingCode>,
): Promise<string> {
  return askText(conversation, ctx, {
    prompt,
    notText: ctx.t('marking-text-only'),
    check: (text) => {
      if (!text) return refuse(ctx.t('marking-text-only'));
      const parsed = parse(text);
      if (parsed.ok) return accept(parsed.value);
      return refuse(`${markingErrorText(ctx, parsed.code)}\n${ctx.t('creative-try-again')}`);
    },
  });
}

type Party = { name: string; inn: string };

export const markingCallback = { saved: 'marking:saved', other: 'marking:other' } as const;

/** Offers the name and INN saved from the last order: one tap reuses them; null ⇒ ask anew. */
async function offerSaved(
  conversation: BotConversation,
  ctx: ConversationContext,
  saved: Party,
): Promise<Party | null> {
  const choice = await askChoice(conversation, ctx, {
    prompt: ctx.t('marking-saved-offer', { name: saved.name, inn: saved.inn }),
    keyboard: new InlineKeyboard()
      .text(
        ctx.tPlain('marking-saved-use', { name: saved.name, inn: saved.inn }),
        markingCallback.saved,
      )
      .row()
      .text(ctx.t('marking-saved-other'), markingCallback.other),
    choices: [markingCallback.saved, markingCallback.other],
    retry: ctx.t('marking-saved-choose'),
  });
  return choice === markingCallback.saved ? saved : null;
}

/**
 * Asks for the advertiser's name, INN and erid (docs/creative.md#ad-marking), re-asking each until
 * it is valid. The name and INN given last are offered with one tap (kept in the user's session);
 * `sandbox` adds a test INN to the INN question.
 */
export async function askMarking(
  conversation: BotConversation,
  ctx: ConversationContext,
  options: { sandbox: boolean },
): Promise<Marking> {
  await ctx.reply(ctx.t('marking-intro'));
  const saved = await conversation.external((outside) => outside.session.savedMarking ?? null);
  const reused = saved ? await offerSaved(conversation, ctx, saved) : null;
  const innPrompt = options.sandbox
    ? `${ctx.t('marking-ask-inn')}\n${ctx.t('marking-inn-sandbox-hint')}`
    : ctx.t('marking-ask-inn');
  const party = reused ?? {
    name: await askField(
      conversation,
      ctx,
      ctx.t('marking-ask-name', { ...markingNameLimits }),
      parseMarkingName,
    ),
    inn: await askField(conversation, ctx, innPrompt, parseInn),
  };
  const erid = await askField(conversation, ctx, ctx.t('marking-ask-erid'), parseErid);
  await conversation.external((outside) => {
    outside.session.savedMarking = { name: party.name, inn: party.inn };
  });
  return { ...party, erid };
}
