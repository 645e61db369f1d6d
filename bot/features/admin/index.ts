import type { BotI18n } from '../../i18n.js';
import { Composer } from 'grammy';
import { adminCardOf } from '../../../models/admin/cards.js';
import type { BotContext, BotDeps } from '../../context.js';
import { createAdminReplies } from './ask-reason.js';
import type { AdminCardActionDeps } from './cards/actions-kit.js';
import { channelCardActions } from './cards/channel.js';
import { creativeCardActions } from './cards/creative.js';
import { disputeCardActions } from './cards/dispute.js';
import { parkedUpdateCardActions } from './cards/parked-update.js';
import { createPayoutCardActions } from './cards/payout.js';
import { placementCardActions } from './cards/placement.js';
import { postAdminCard } from '../../../messages/admin-cards/post.js';
import { createAdminOpsCommands } from './commands/ops.js';
import { adminChatOnly, isAdminUpdate } from './guard.js';
import { createAdminSettings } from './settings.js';

/**
 * The admin chat (docs/admin.md): `adm:` button presses anywhere and commands/replies inside
 * ADMIN_CHAT_ID go through the guard (listed admins in the admin chat only; others refused and
 * audited), then answers to ForceReply prompts are resolved, then the card modules and commands.
 * Everything else passes by untouched.
 */
export function createAdminFeature(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admin = feature.filter((ctx) => isAdminUpdate(deps.config, ctx));
  const kit: AdminCardActionDeps = {
    deps,
    i18n,
    async refresh(ctx, kind, objectId) {
      const card = await adminCardOf(deps.database, kind, objectId);
      if (!card) return;
      await postAdminCard({ ...deps, api: ctx.api, i18n }, card.id, { editOnly: true }).catch(
        (err: unknown) => deps.logger.warn({ err, kind, objectId }, 'admin card not refreshed'),
      );
    },
  };
  admin.use(adminChatOnly(deps, i18n));
  admin.use(createAdminReplies(deps, i18n));
  admin.use(
    createAdminSettings(deps, i18n),
    channelCardActions(kit),
    creativeCardActions(kit),
    placementCardActions(kit),
    createPayoutCardActions(kit),
    disputeCardActions(kit),
    parkedUpdateCardActions(kit),
    createAdminOpsCommands(deps, i18n),
  );
  // A stale or unknown admin button: stop the spinner. Unknown admin-chat commands and replies end
  // here too (no other feature answers in the admin chat).
  admin.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  admin.use(() => undefined);
  return feature;
}
