import type { I18n } from '@grammyjs/i18n';
import type { BotContext, BotDeps } from '../../context.js';

/** What the members feature's entry points need besides the context. */
export interface MembersDeps {
  deps: BotDeps;
  i18n: I18n<BotContext>;
}
