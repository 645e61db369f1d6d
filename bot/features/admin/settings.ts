import type { BotI18n } from '../../i18n.js';
import { Composer } from 'grammy';
import { adminLanguages, setAdminLanguage } from '../../../models/admin/admin-language.js';
import {
  isPreModerationOn,
  setPreModeration,
} from '../../../models/moderation/moderation-policy.js';
import type { BotContext, BotDeps } from '../../context.js';
import { adminText } from './cards/actions-kit.js';

/**
 * Admin chat settings (behind the guard): `/moderation [on|off]` switches pre-moderation of new
 * channels and first-time/flagged creatives; `/adminlang ru|en` sets the admin chat's language.
 * Both are audited; without an argument they show the current value.
 */
export function createAdminSettings(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const kit = { deps, i18n };
  const actor = (ctx: BotContext) => `admin:${ctx.from?.id ?? 0}`;
  feature.command('moderation', async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (arg === 'on' || arg === 'off') {
      await setPreModeration(deps.database, {
        enabled: arg === 'on',
        actor: actor(ctx),
        at: deps.clock.now(),
      });
    } else if (arg !== '') {
      return ctx.reply(await adminText(kit, 'admin-moderation-usage'));
    }
    const on = await deps.database.withSystem('admin: read the moderation switch', (tx) =>
      isPreModerationOn(tx),
    );
    await ctx.reply(await adminText(kit, on ? 'admin-moderation-on' : 'admin-moderation-off'));
  });
  feature.command('adminlang', async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    const language = adminLanguages.find((l) => l === arg);
    if (!language) return ctx.reply(await adminText(kit, 'admin-language-usage'));
    await setAdminLanguage(deps.database, { language, actor: actor(ctx), at: deps.clock.now() });
    await ctx.reply(await adminText(kit, 'admin-language-set'));
  });
  return feature;
}
