import { InlineKeyboard } from 'grammy';
import { acceptInvite } from '../../../models/workspaces/invites.js';
import { assertNever } from '../../../models/errors.js';
import type { BotContext } from '../../context.js';
import type { MembersDeps } from './deps.js';
import { notifyAccount } from './notify.js';
import { channelListData } from '../../../messages/callback-data/channels.js';

/**
 * `/start inv_<code>`: redeems a manager invite for the sender and tells the workspace's owner
 * and members; a used, unknown or expired code (or one's own workspace) gets a clear answer.
 */
export async function acceptInviteFromStart(
  ctx: BotContext,
  code: string,
  { deps, i18n }: MembersDeps,
): Promise<void> {
  const accountId = ctx.account?.id;
  if (!accountId || !ctx.from) return;
  const result = await acceptInvite(deps.database, { accountId, code }, deps.clock);
  if (!result.ok) {
    switch (result.code) {
      case 'unknown':
        await ctx.reply(ctx.t('members-invite-unknown'));
        return;
      case 'used':
        await ctx.reply(ctx.t('members-invite-used'));
        return;
      case 'expired':
        await ctx.reply(ctx.t('members-invite-expired'));
        return;
      case 'own_workspace':
        await ctx.reply(ctx.t('members-invite-own'));
        return;
      case 'already_member':
        await ctx.reply(ctx.t('members-invite-already'));
        return;
      default:
        return assertNever(result.code);
    }
  }
  await ctx.reply(ctx.t('members-joined'), {
    reply_markup: new InlineKeyboard().text(ctx.t('members-open-channels'), channelListData),
  });
  const name = [ctx.from.first_name, ctx.from.username ? `(@${ctx.from.username})` : '']
    .filter(Boolean)
    .join(' ');
  for (const recipient of result.value.notify) {
    await notifyAccount(deps, i18n, recipient, (t) => t('members-new-manager-notice', { name }));
  }
}
