import type { Composer } from 'grammy';
import type { AccountFlavor, BotContext } from '../context.js';

/** A context whose sender's account is known (the account middleware set it). */
export type WithAccount<C extends BotContext = BotContext> = C & Required<AccountFlavor>;

/** True when the account middleware identified the sender (every private update from a person). */
export function hasAccount<C extends BotContext>(ctx: C): ctx is WithAccount<C> {
  return ctx.account !== undefined;
}

/**
 * The handlers registered on the result see `ctx.account` set; an update without an account
 * (a bot, a group's chatter) passes them by to the next middleware.
 */
export function withAccount<C extends BotContext>(composer: Composer<C>): Composer<WithAccount<C>> {
  return composer.filter(hasAccount);
}

/**
 * Private chats with a known account: what nearly every feature's handlers need (the account
 * middleware identifies every person writing to the bot, so nothing real is filtered out).
 */
export function privateChats<C extends BotContext>(composer: Composer<C>) {
  return composer.chatType('private').filter(hasAccount);
}
