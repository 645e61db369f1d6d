import { InlineKeyboard } from 'grammy';
import { acceptInvite } from '../../../models/workspaces/invites.js';
import { assertNever } from '../../../models/errors.js';
import type { BotContext } from '../../context.js';
import { escapeHtml, html } from '../../../format/html.js';
import type { MembersDeps } from './deps.js';
import { notifyAccount } from './notify.js';

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
        await ctx.reply(ctx.t('members-invite-unknown'), html);
        return;
      case 'used':
        await ctx.reply(ctx.t('members-invite-used'), html);
        return;
      case 'expired':
        await ctx.reply(ctx.t('members-invite-expired'), html);
        return;
      case 'own_workspace':
        await ctx.reply(ctx.t('members-invite-own'), html);
        return;
      case 'already_member':
        await ctx.reply(ctx.t('members-invite-already'), html);
        return;
      default:
        return assertNever(result.code);
    }
  }
  await ctx.reply(ctx.t('members-joined'), {
    ...html,
    reply_markup: new InlineKeyboard().text(ctx.t('members-open-channels'), 'ch:list'),
  });
  const name = escapeHtml(
    [ctx.from.first_name, ctx.from.username ? `(@${ctx.from.username})` : '']
      .filter(Boolean)
      .join(' '),
  );
  for (const recipient of result.value.notify) {
    await notifyAccount(deps, i18n, recipient, (t) => t('members-new-manager-notice', { name }));
  }
}
