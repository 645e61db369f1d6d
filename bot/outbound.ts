import type { I18n } from '@grammyjs/i18n';
import type { BotContext, BotDeps } from './context.js';

/**
 * The deps a handler passes to what tells other people (refundAndTell, tellMembers, tellPaid,
 * sendReviewCards…): their messages go through the outbound gateway, never the update's `ctx.api`.
 */
export function noticeDeps(deps: BotDeps, i18n: I18n<BotContext>) {
  return { ...deps, i18n, api: deps.outbound.api };
}
