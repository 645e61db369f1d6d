import { Composer } from 'grammy';
import {
  blockAccount,
  blockChannel,
  unblockAccount,
  unblockChannel,
  type AdminActor,
  type BlockCode,
  type UnblockCode,
} from '../../../../models/admin/block.js';
import {
  resolveChannelRef,
  resolveUserRef,
  type RefCode,
} from '../../../../models/admin/lookup-refs.js';
import { assertNever } from '../../../../models/errors.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { refundOrders } from './ops-refunds.js';
import { adminOf, adminTranslator, splitArgs, type AdminT } from './ops-text.js';
import type { BotI18n } from '../../../i18n.js';

export type BlockTarget = 'channel' | 'user';

/** The admin's answer to a refused reference (bad, unknown, or matching several). */
export function refFailure(t: AdminT, code: RefCode, ref: string): string {
  switch (code) {
    case 'bad_ref':
      return t('admin-ops-ref-bad', { ref: ref });
    case 'not_found':
      return t('admin-ops-ref-not-found', { ref: ref });
    case 'ambiguous':
      return t('admin-ops-ref-ambiguous', { ref: ref });
    default:
      return assertNever(code);
  }
}

function blockFailure(t: AdminT, code: BlockCode | UnblockCode): string {
  switch (code) {
    case 'not_found':
      return t('admin-ops-ref-not-found', { ref: '' });
    case 'already_blocked':
      return t('admin-ops-already-blocked');
    case 'not_blocked':
      return t('admin-ops-not-blocked');
    case 'reason_invalid':
      return t('admin-ops-reason-invalid');
    default:
      return assertNever(code);
  }
}

/** Blocks a channel, refunds its cancelled paid orders, and says what happened (one message). */
export async function runBlockChannel(
  deps: BotDeps,
  t: AdminT,
  input: { channelId: string; admin: AdminActor; reason: string },
): Promise<string> {
  const result = await blockChannel(deps.database, input, deps.clock);
  if (!result.ok) return blockFailure(t, result.code);
  const { orders, title } = result.value;
  const paid = orders.filter((o) => o.paid);
  const tally = await refundOrders(deps, paid, `admin:${input.admin.telegramId}`);
  return t('admin-ops-channel-blocked', {
    channel: title,
    reason: input.reason.trim(),
    cancelled: orders.length,
    refunded: tally.refunded,
    pending: tally.pending,
  });
}

/** Blocks an account and says so. */
export async function runBlockUser(
  deps: BotDeps,
  t: AdminT,
  input: { accountId: string; admin: AdminActor; reason: string },
): Promise<string> {
  const result = await blockAccount(deps.database, input, deps.clock);
  if (!result.ok) return blockFailure(t, result.code);
  return t('admin-ops-user-blocked', {
    user: String(result.value.telegramId),
    reason: input.reason.trim(),
  });
}

/** Lifts a channel's or an account's block and says so. */
export async function runUnblock(
  deps: BotDeps,
  t: AdminT,
  target: BlockTarget,
  input: { id: string; admin: AdminActor },
): Promise<string> {
  if (target === 'channel') {
    const result = await unblockChannel(
      deps.database,
      { channelId: input.id, admin: input.admin },
      deps.clock,
    );
    return result.ok
      ? t('admin-ops-channel-unblocked', { channel: result.value.title })
      : blockFailure(t, result.code);
  }
  const result = await unblockAccount(
    deps.database,
    { accountId: input.id, admin: input.admin },
    deps.clock,
  );
  return result.ok
    ? t('admin-ops-user-unblocked', { user: String(result.value.telegramId) })
    : blockFailure(t, result.code);
}

/**
 * `/block channel <@username|id> <reason>`, `/block user <telegram id|@username> <reason>`,
 * `/unblock channel|user <ref>` in the admin chat (behind ADMIN-CORE's guard).
 */
export function createBlockCommands(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const parse = (match: string) => {
    const { first: target, rest } = splitArgs(match);
    const { first: ref, rest: reason } = splitArgs(rest);
    return { target: target.toLowerCase(), ref, reason };
  };
  composer.command('block', async (ctx) => {
    const t = await adminTranslator(deps, i18n);
    const { target, ref, reason } = parse(ctx.match);
    if ((target !== 'channel' && target !== 'user') || !ref || !reason)
      return ctx.reply(t('admin-ops-block-usage'));
    const admin = adminOf(ctx.from!);
    if (target === 'channel') {
      const found = await resolveChannelRef(deps.database, ref);
      if (!found.ok) return ctx.reply(refFailure(t, found.code, ref));
      await ctx.replyWithChatAction('typing');
      const text = await runBlockChannel(deps, t, {
        channelId: found.value,
        admin,
        reason,
      });
      return ctx.reply(text);
    }
    const found = await resolveUserRef(deps.database, ref);
    if (!found.ok) return ctx.reply(refFailure(t, found.code, ref));
    return ctx.reply(await runBlockUser(deps, t, { accountId: found.value, admin, reason }));
  });
  composer.command('unblock', async (ctx) => {
    const t = await adminTranslator(deps, i18n);
    const { target, ref } = parse(ctx.match);
    if ((target !== 'channel' && target !== 'user') || !ref)
      return ctx.reply(t('admin-ops-unblock-usage'));
    const found =
      target === 'channel'
        ? await resolveChannelRef(deps.database, ref)
        : await resolveUserRef(deps.database, ref);
    if (!found.ok) return ctx.reply(refFailure(t, found.code, ref));
    const admin = adminOf(ctx.from!);
    return ctx.reply(await runUnblock(deps, t, target, { id: found.value, admin }));
  });
  return composer;
}
