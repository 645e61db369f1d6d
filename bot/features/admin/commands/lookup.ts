import type { BotI18n } from '../../../i18n.js';
import { Composer } from 'grammy';
import { lookUpChannel, lookUpOrder } from '../../../../models/admin/lookup.js';
import { lookUpUser } from '../../../../models/admin/lookup-user.js';
import {
  resolveChannelRef,
  resolveOrderRef,
  resolveUserRef,
} from '../../../../models/admin/lookup-refs.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { refFailure } from './block.js';
import { renderChannel, renderOrder, renderUser, type Rendered } from './lookup-render.js';
import { adminTranslator, splitArgs, type AdminT } from './ops-text.js';

type Kind = 'order' | 'channel' | 'user';

/** The look-up answer for one object id (also used after a button changed it). */
export async function renderLookup(
  deps: BotDeps,
  t: AdminT,
  kind: Kind,
  id: string,
): Promise<Rendered | undefined> {
  switch (kind) {
    case 'order': {
      const found = await lookUpOrder(deps.database, id);
      return found && renderOrder(t, found);
    }
    case 'channel': {
      const found = await lookUpChannel(deps.database, id);
      return found && renderChannel(t, found);
    }
    case 'user': {
      const found = await lookUpUser(deps.database, id);
      return found && renderUser(t, found);
    }
  }
}

/** How to call each look-up command. */
function usage(t: AdminT, kind: Kind): string {
  switch (kind) {
    case 'order':
      return t('admin-ops-order-usage');
    case 'channel':
      return t('admin-ops-channel-usage');
    case 'user':
      return t('admin-ops-user-usage');
  }
}

const resolvers = { order: resolveOrderRef, channel: resolveChannelRef, user: resolveUserRef };

/** `/order <id or short id>`, `/channel <@username|id>`, `/user <telegram id|@username>` in the admin chat. */
export function createLookupCommands(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  for (const kind of ['order', 'channel', 'user'] as const) {
    composer.command(kind, async (ctx) => {
      const t = await adminTranslator(deps, i18n);
      const { first: ref } = splitArgs(ctx.match);
      if (!ref) return ctx.reply(usage(t, kind));
      const found = await resolvers[kind](deps.database, ref);
      if (!found.ok) return ctx.reply(refFailure(t, found.code, ref));
      const answer = await renderLookup(deps, t, kind, found.value);
      if (!answer) return ctx.reply(refFailure(t, 'not_found', ref));
      return ctx.reply(answer.text, { reply_markup: answer.keyboard });
    });
  }
  return composer;
}
