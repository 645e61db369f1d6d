import type { BotI18n } from '../../../i18n.js';
import { Composer, GrammyError } from 'grammy';
import { normalizeBlockReason } from '../../../../models/admin/block.js';
import {
  prepareManualRefund,
  type ManualRefundCode,
} from '../../../../models/admin/manual-refund.js';
import {
  awaitOpsReply,
  takeOpsReply,
  type OpsPrompt,
} from '../../../../models/admin/ops-prompts.js';
import { assertNever } from '../../../../models/errors.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { opsActionData } from '../../../../messages/callback-data/admin.js';
import { runBlockChannel, runBlockUser, runUnblock } from './block.js';
import { renderLookup } from './lookup.js';
import { refundOrders } from './ops-refunds.js';
import { adminOf, adminTranslator, type AdminT } from './ops-text.js';

const promptKeys: Record<OpsPrompt['action'], string> = {
  block_channel: 'admin-ops-prompt-block-channel',
  block_user: 'admin-ops-prompt-block-user',
  refund_order: 'admin-ops-prompt-refund',
};

function refundFailure(t: AdminT, code: ManualRefundCode): string {
  switch (code) {
    case 'not_found':
      return t('admin-ops-target-gone');
    case 'nothing_paid':
      return t('admin-ops-refund-nothing');
    case 'publishing':
      return t('admin-ops-refund-publishing');
    case 'running':
      return t('admin-ops-refund-running');
    case 'reason_invalid':
      return t('admin-ops-reason-invalid');
    default:
      return assertNever(code);
  }
}

/** A manual full refund of an order: cancel if not yet published, then refund through its provider. */
async function runManualRefund(
  deps: BotDeps,
  t: AdminT,
  input: { orderId: string; admin: ReturnType<typeof adminOf>; reason: string },
): Promise<string> {
  const prepared = await prepareManualRefund(deps.database, input, deps.clock);
  if (!prepared.ok) return refundFailure(t, prepared.code);
  const tally = await refundOrders(deps, [prepared.value], `admin:${input.admin.telegramId}`);
  return tally.refunded > 0
    ? t('admin-ops-refund-done', { order: input.orderId.slice(0, 8) })
    : tally.pending > 0
      ? t('admin-ops-refund-pending', { order: input.orderId.slice(0, 8) })
      : t('admin-ops-refund-nothing');
}

/**
 * The buttons under look-up answers (`adm:ops:b|u|r:<c|u|o>:<id>`): Unblock acts at once and
 * refreshes the answer; Block and Refund ask the reason with a ForceReply prompt, and the admin's
 * reply to that prompt carries the action out.
 */
export function createOpsButtons(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(opsActionData.filter, async (ctx) => {
    const { action, kind, id } = opsActionData.parse(ctx.callbackQuery.data);
    const t = await adminTranslator(deps, i18n);
    const admin = adminOf(ctx.from);
    if (action === 'unblock' && kind !== 'order') {
      const text = await runUnblock(deps, t, kind, { id, admin });
      await ctx.answerCallbackQuery();
      const fresh = await renderLookup(deps, t, kind, id);
      if (fresh)
        await ctx
          .editMessageText(fresh.text, { reply_markup: fresh.keyboard })
          .catch(ignoreUnchanged);
      return ctx.reply(text);
    }
    const prompt: OpsPrompt['action'] | undefined =
      action === 'block' && kind === 'channel'
        ? 'block_channel'
        : action === 'block' && kind === 'user'
          ? 'block_user'
          : action === 'refund' && kind === 'order'
            ? 'refund_order'
            : undefined;
    if (!prompt) return ctx.answerCallbackQuery();
    await ctx.answerCallbackQuery();
    const sent = await ctx.reply(t(promptKeys[prompt], { id: id.slice(0, 8) }), {
      reply_markup: {
        force_reply: true,
        input_field_placeholder: t('admin-ops-reason-placeholder'),
      },
    });
    await awaitOpsReply(deps.database, {
      action: prompt,
      targetId: id,
      telegramId: admin.telegramId,
      chatId: sent.chat.id,
      promptMessageId: sent.message_id,
    });
  });
  composer.on('message:text', async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message;
    if (!replyTo || replyTo.from?.id !== ctx.me.id) return next();
    if (!deps.config.adminTelegramIds.includes(ctx.from.id)) return next();
    const pending = await takeOpsReply(deps.database, ctx.chat.id, replyTo.message_id);
    if (!pending) return next();
    const t = await adminTranslator(deps, i18n);
    const reason = normalizeBlockReason(ctx.message.text);
    if (!reason) {
      // The prompt keeps waiting for a proper reason.
      await awaitOpsReply(deps.database, {
        ...pending,
        chatId: ctx.chat.id,
        promptMessageId: replyTo.message_id,
      });
      return ctx.reply(t('admin-ops-reason-invalid'));
    }
    const admin = adminOf(ctx.from);
    let text: string;
    switch (pending.action) {
      case 'block_channel':
        text = await runBlockChannel(deps, t, {
          channelId: pending.targetId,
          admin,
          reason,
        });
        break;
      case 'block_user':
        text = await runBlockUser(deps, t, { accountId: pending.targetId, admin, reason });
        break;
      case 'refund_order':
        text = await runManualRefund(deps, t, {
          orderId: pending.targetId,
          admin,
          reason,
        });
        break;
      default:
        return assertNever(pending.action);
    }
    return ctx.reply(text, { reply_parameters: { message_id: ctx.message.message_id } });
  });
  return composer;
}

function ignoreUnchanged(error: unknown): void {
  if (!(error instanceof GrammyError) || !error.description.includes('not modified')) throw error;
}
