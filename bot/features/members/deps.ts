import type { BotI18n } from '../../i18n.js';
import type { BotDeps } from '../../context.js';

/** What the members feature's entry points need besides the context. */
export interface MembersDeps {
  deps: BotDeps;
  i18n: BotI18n;
}
