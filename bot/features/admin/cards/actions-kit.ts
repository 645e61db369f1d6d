import type { I18n } from '@grammyjs/i18n';
import type { Composer } from 'grammy';
import { adminLanguageOf } from '../../../../models/admin/admin-language.js';
import { adminCardOf } from '../../../../models/admin/cards.js';
import type { AdminCardKind } from '../../../../models/admin/table.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { html } from '../../../html.js';
import { postAdminCard } from './post.js';

/** What every card module's actions get from the admin feature. */
export interface AdminCardActionDeps {
  deps: BotDeps;
  i18n: I18n<BotContext>;
  /** Re-renders the object's card at once (the queued render job does it too; both idempotent). */
  refresh(ctx: BotContext, kind: AdminCardKind, objectId: string): Promise<void>;
}

/** A card module's button and reply handlers (mounted behind the guard). */
export type AdminCardActions = (input: AdminCardActionDeps) => Composer<BotContext>;

/** Translates into the admin chat's language. */
export async function adminText(
  input: Pick<AdminCardActionDeps, 'deps' | 'i18n'>,
  key: string,
  vars?: Record<string, string | number>,
): Promise<string> {
  return input.i18n.t(await adminLanguageOf(input.deps.database), key, vars);
}

/** Re-renders a card at once (the queued render job would do it too; both are idempotent). */
export async function refreshAdminCard(
  ctx: BotContext,
  input: Pick<AdminCardActionDeps, 'deps' | 'i18n'>,
  kind: AdminCardKind,
  objectId: string,
): Promise<void> {
  const { deps } = input;
  const card = await adminCardOf(deps.database, kind, objectId);
  if (!card) return;
  await postAdminCard(
    {
      api: ctx.api,
      i18n: input.i18n,
      config: deps.config,
      database: deps.database,
      clock: deps.clock,
      logger: deps.logger,
    },
    card.id,
    { editOnly: true },
  ).catch((err: unknown) => deps.logger.warn({ err, kind, objectId }, 'admin card not refreshed'));
}

/** Answers a button press (toast) or a reply (a message in the admin chat) with a locale key. */
export async function answerAdmin(
  ctx: BotContext,
  input: Pick<AdminCardActionDeps, 'deps' | 'i18n'>,
  key: string,
  vars?: Record<string, string | number>,
): Promise<void> {
  const text = await adminText(input, key, vars);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
  else if (ctx.message)
    await ctx.reply(text, { ...html, reply_parameters: { message_id: ctx.message.message_id } });
}
