import type { BotI18n } from '../../../i18n.js';
import { Composer } from 'grammy';
import type { ChartRenderer } from '../../../../models/providers/quickchart.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { createAuditCommands } from './audit.js';
import { createBlockCommands } from './block.js';
import { createLookupCommands } from './lookup.js';
import { createOpsButtons } from './ops-buttons.js';
import { createStatsCommand } from './stats.js';

/**
 * Admin operations in the admin chat: /block, /unblock, /order, /channel, /user, /audit, /stats and
 * the look-up buttons. Mounted behind the admin guard; as a second line of defence it only answers
 * listed admins inside ADMIN_CHAT_ID (anything else passes on).
 */
export function createAdminOpsCommands(
  deps: BotDeps,
  i18n: BotI18n,
  options: { charts?: ChartRenderer } = {},
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const ops = composer.filter(
    (ctx) =>
      deps.config.adminChatId !== undefined &&
      ctx.chat?.id === deps.config.adminChatId &&
      ctx.from !== undefined &&
      deps.config.adminTelegramIds.includes(ctx.from.id),
  );
  ops.use(
    createBlockCommands(deps, i18n),
    createLookupCommands(deps, i18n),
    createAuditCommands(deps, i18n),
    createStatsCommand(deps, i18n, options.charts),
    createOpsButtons(deps, i18n),
  );
  return composer;
}
