import type { BotI18n } from '../../i18n.js';
import { Composer, InlineKeyboard } from 'grammy';
import { createInvite } from '../../../models/workspaces/invites.js';
import { listMembers, revokeMember, type MemberRow } from '../../../models/workspaces/members.js';
import type { BotContext, BotDeps } from '../../context.js';
import { showScreen } from '../../kit/show-screen.js';
import { revokeData, revokeYesData } from '../../../messages/callback-data/members.js';
import { notifyAccount } from './notify.js';
import { channelListData } from '../../../messages/callback-data/channels.js';
import { privateChats } from '../../kit/account.js';

function nameOf(member: Pick<MemberRow, 'firstName' | 'username' | 'telegramId'>): string {
  const parts = [member.firstName ?? String(member.telegramId)];
  if (member.username) parts.push(`(@${member.username})`);
  return parts.join(' ');
}

async function membersScreen(ctx: BotContext, deps: BotDeps, accountId: string) {
  const listed = await listMembers(deps.database, { accountId });
  if (!listed.ok) return undefined;
  const lines = listed.value.members.map((m) =>
    m.role === 'owner'
      ? ctx.t('members-line-owner', { name: nameOf(m) })
      : ctx.t('members-line-manager', { name: nameOf(m) }),
  );
  const keyboard = new InlineKeyboard();
  for (const m of listed.value.members.filter((x) => x.role === 'manager')) {
    keyboard
      .text(
        ctx.tPlain('members-revoke-button', { name: nameOf(m) }),
        revokeData.pack({ memberId: m.accountId }),
      )
      .row();
  }
  keyboard.text(ctx.t('members-invite-button'), 'mem:inv').row();
  keyboard.text(ctx.t('members-back'), channelListData);
  const managers = listed.value.members.length - 1;
  const text = `${ctx.t('members-title')}\n\n${lines.join('\n')}\n\n${
    managers === 0 ? ctx.t('members-none-yet') : ctx.t('members-rights-hint')
  }`;
  return { text, keyboard, members: listed.value.members };
}

/**
 * Co-managers of the user's own workspace (`mem:open`): the list with revoke (confirmed), and
 * one-time invite links. Owners only; the workspace is always the presser's own.
 */
export function createMembersFeature(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chats = privateChats(feature);

  chats.callbackQuery('mem:open', async (ctx) => {
    const accountId = ctx.account.id;
    const screen = await membersScreen(ctx, deps, accountId);
    if (!screen)
      return ctx.answerCallbackQuery({ text: ctx.t('members-forbidden'), show_alert: true });
    await showScreen(ctx, screen.text, screen.keyboard);
    await ctx.answerCallbackQuery();
  });

  chats.callbackQuery('mem:inv', async (ctx) => {
    const accountId = ctx.account.id;
    const created = accountId
      ? await createInvite(deps.database, { accountId }, deps.clock)
      : undefined;
    if (!created?.ok)
      return ctx.answerCallbackQuery({ text: ctx.t('members-forbidden'), show_alert: true });
    const link = `https://t.me/${ctx.me.username}?start=inv_${created.value.code}`;
    await ctx.reply(ctx.t('members-invite-created', { link }), {
      link_preview_options: { is_disabled: true },
      reply_markup: new InlineKeyboard().text(ctx.t('members-back'), 'mem:open'),
    });
    await ctx.answerCallbackQuery();
  });

  chats.callbackQuery(revokeData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { memberId } = revokeData.parse(ctx.callbackQuery.data);
    const screen = await membersScreen(ctx, deps, accountId);
    const member = screen?.members.find((m) => m.accountId === memberId && m.role === 'manager');
    if (!member)
      return ctx.answerCallbackQuery({ text: ctx.t('members-not-member'), show_alert: true });
    await showScreen(
      ctx,
      ctx.t('members-revoke-confirm', { name: nameOf(member) }),
      new InlineKeyboard()
        .text(ctx.t('members-revoke-yes'), revokeYesData.pack({ memberId: member.accountId }))
        .text(ctx.t('members-revoke-no'), 'mem:open'),
    );
    await ctx.answerCallbackQuery();
  });

  chats.callbackQuery(revokeYesData.filter, async (ctx) => {
    const accountId = ctx.account.id;
    const { memberId } = revokeYesData.parse(ctx.callbackQuery.data);
    const revoked = await revokeMember(
      deps.database,
      { accountId, memberAccountId: memberId },
      deps.clock,
    );
    if (!revoked.ok)
      return ctx.answerCallbackQuery({ text: ctx.t('members-not-member'), show_alert: true });
    const screen = await membersScreen(ctx, deps, accountId);
    if (screen) await showScreen(ctx, screen.text, screen.keyboard);
    await notifyAccount(deps, i18n, revoked.value, (t) =>
      t('members-revoked-notice', { name: ctx.from.first_name }),
    );
    await ctx.answerCallbackQuery({
      text: ctx.tPlain('members-revoked', { name: revoked.value.firstName ?? '' }),
    });
  });
  return feature;
}
