import type { BotI18n } from '../../../i18n.js';
import { Composer } from 'grammy';
import { adminLanguageOf } from '../../../../models/admin/admin-language.js';
import { adminCardOf } from '../../../../models/admin/cards.js';
import { closeMootAdminCard } from '../../../../models/admin/moot-cards.js';
import type { AdminCardKind } from '../../../../models/admin/table.js';
import { assertNever, type Result } from '../../../../models/errors.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { adminActor, askAdminReason, onAdminReply, type AdminReply } from '../ask-reason.js';
import { adminCardData, type ModeratedCardKind } from '../../../../messages/callback-data/admin.js';
import { postAdminCard } from '../../../../messages/admin-cards/post.js';

/** What every card module's actions get from the admin feature. */
export interface AdminCardActionDeps {
  deps: BotDeps;
  i18n: BotI18n;
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
  return input.i18n.t(
    await adminLanguageOf(input.deps.database, input.deps.config.adminTelegramIds),
    key,
    vars,
  );
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
    await ctx.reply(text, { reply_parameters: { message_id: ctx.message.message_id } });
}

/** Why a moderation decision did not apply: the object is gone or was already decided. */
export type ModerationCode = 'not_found' | 'not_pending';

/**
 * A decision that no longer applies: when the card was still open (its object ended another way,
 * e.g. the advertiser cancelled), it is closed as such and refreshed, and the admin told so;
 * otherwise `fallbackKey` ("gone", "already decided").
 */
export async function answerStaleCard(
  ctx: BotContext,
  input: AdminCardActionDeps,
  card: { kind: AdminCardKind; objectId: string },
  fallbackKey: string,
): Promise<void> {
  const { deps } = input;
  if (await closeMootAdminCard(deps.database, card, deps.clock)) {
    await input.refresh(ctx, card.kind, card.objectId);
    return answerAdmin(ctx, input, 'admin-card-moot');
  }
  return answerAdmin(ctx, input, fallbackKey);
}

/** Answers a moderation failure with the card's "gone" or "already closed" text. */
export async function answerModerationCode(
  ctx: BotContext,
  input: AdminCardActionDeps,
  card: { kind: AdminCardKind; objectId: string },
  code: ModerationCode,
): Promise<void> {
  switch (code) {
    case 'not_found':
      return answerStaleCard(ctx, input, card, 'admin-card-gone-short');
    case 'not_pending':
      return answerStaleCard(ctx, input, card, 'admin-card-closed');
    default:
      assertNever(code);
  }
}

/** One approve/reject moderation card: the use-cases it calls and what follows a decision. */
export interface ModerationCardSpec<A, R> {
  kind: ModeratedCardKind;
  /** Locale key of the ForceReply prompt asking for the rejection reason. */
  promptKey: string;
  approve(objectId: string, admin: AdminReply['admin']): Promise<Result<A, ModerationCode>>;
  reject(reply: AdminReply): Promise<Result<R, ModerationCode>>;
  /** After an approval was answered and the card refreshed. */
  approved?(ctx: BotContext, value: A, objectId: string): Promise<void>;
  /** After a rejection's card was refreshed. */
  rejected?(ctx: BotContext, value: R, reply: AdminReply): Promise<void>;
}

/**
 * The Approve / Reject buttons (`adm:<kind>:ok|no:<id>`) of a moderation card: Approve decides at
 * once; Reject asks for the reason with ForceReply and the reply decides. The card re-renders.
 */
export function moderationCardActions<A, R>(
  input: AdminCardActionDeps,
  spec: ModerationCardSpec<A, R>,
): Composer<BotContext> {
  const { deps, i18n } = input;
  const feature = new Composer<BotContext>();
  const data = adminCardData[spec.kind];
  feature.callbackQuery(data.filter, async (ctx) => {
    const { action, id: objectId } = data.parse(ctx.callbackQuery.data);
    if (action === 'no') {
      await askAdminReason(ctx, deps, i18n, {
        kind: spec.kind,
        objectId,
        action: 'reject',
        promptKey: spec.promptKey,
      });
      return;
    }
    const result = await spec.approve(objectId, adminActor(ctx));
    if (!result.ok)
      return answerModerationCode(ctx, input, { kind: spec.kind, objectId }, result.code);
    await answerAdmin(ctx, input, 'admin-done');
    await input.refresh(ctx, spec.kind, objectId);
    await spec.approved?.(ctx, result.value, objectId);
  });
  feature.use(
    onAdminReply(spec.kind, 'reject', async (ctx, reply) => {
      const result = await spec.reject(reply);
      if (!result.ok)
        return answerModerationCode(
          ctx,
          input,
          { kind: spec.kind, objectId: reply.objectId },
          result.code,
        );
      await input.refresh(ctx, spec.kind, reply.objectId);
      await spec.rejected?.(ctx, result.value, reply);
    }),
  );
  return feature;
}
