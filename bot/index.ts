import { installFastComposer } from './kit/fast-composer.js';
import { Bot } from 'grammy';
import type { BotContext, BotDeps, SessionData } from './context.js';
import { createConversations } from './conversations.js';
import { createAdminFeature } from './features/admin/index.js';
import { createApiKeysFeature } from './features/api-keys/index.js';
import { createAnalyticsFeature } from './features/analytics/index.js';
import { createViewsFeature } from './features/views/index.js';
import { createBalanceFeature } from './features/balance/index.js';
import { createBookingFeature } from './features/booking/index.js';
import { createCalendarFeature } from './features/calendar/index.js';
import { createCancelFeature } from './features/cancel/index.js';
import { createCatalogFeature } from './features/catalog/index.js';
import { createChannelWatchFeature } from './features/channel-watch/index.js';
import { createChannelsFeature } from './features/channels/index.js';
import { createCheckoutFeature } from './features/checkout/index.js';
import { createRefundedPayments } from './features/checkout/refunded.js';
import { createUnclaimedPayments } from './features/checkout/unclaimed.js';
import { createCreativeFeature } from './features/creative/index.js';
import { createDisputesFeature } from './features/disputes/index.js';
import { createFallbackFeature } from './features/fallback/index.js';
import { createHelpFeature } from './features/help/index.js';
import { createHelpMenu } from './features/start/help-menu.js';
import { createLanguageFeature } from './features/language/index.js';
import { createLanguageMenu } from './features/language/menu.js';
import { createMarkingFeature } from './features/marking/index.js';
import { createMembersFeature } from './features/members/index.js';
import { createOrdersFeature } from './features/orders/index.js';
import { createPaySupportFeature } from './features/paysupport/index.js';
import { createReviewFeature } from './features/review/index.js';
import { createSellingFeature } from './features/selling/index.js';
import { createStartFeature } from './features/start/index.js';
import { createStartMenu } from './features/start/menu.js';
import { createSubscriptionFeature } from './features/subscription/index.js';
import { createStarsSubscriptionPayments } from './features/subscription/stars.js';
import { createSupportFeature } from './features/support/index.js';
import { createI18n } from './i18n.js';
import { createAccountMiddleware } from './middleware/account.js';
import { replyJournal } from './middleware/reply-journal.js';
import { createAutoRetry } from './middleware/auto-retry.js';
import { createErrorHandler } from './middleware/error-boundary.js';
import { createRateLimiter } from './middleware/rate-limit.js';
import { createSequentialize } from './middleware/sequentialize.js';
import { createSessionMiddleware } from './session.js';
import { createSessionStorage } from './session-storage.js';
import { htmlByDefault } from '../telegram/parse-mode.js';
import { botApiOptions } from '../telegram/http-fetch.js';

export type { BotContext, BotDeps } from './context.js';

/** Builds the bot: this file only orders middleware (docs/bot.md explains the order). */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const token = deps.config.botToken;
  if (!token)
    throw new Error('createBot needs config.botToken (main starts the sandbox without one)');
  // Before the first Composer is built: the middleware tree's cheaper walk (bot/kit/fast-composer).
  installFastComposer();
  const bot = new Bot<BotContext>(token, { client: botApiOptions(deps.config.telegramApiRoot) });
  const i18n = createI18n();

  // Errors reach the durable intake (bot/intake), which retries the update with backoff; after
  // the last attempt it parks the update and calls this handler, which logs and tells the user.
  bot.catch(createErrorHandler(deps, i18n));

  // The reply journal outermost: a call auto-retry repeated is still one call (sharded workers only).
  bot.api.config.use(createAutoRetry(), htmlByDefault, replyJournal);
  bot.use(createRateLimiter(deps, i18n));
  bot.use(createSequentialize());
  const sessions = createSessionStorage<SessionData>(deps.database);
  const account = createAccountMiddleware(deps, sessions);
  bot.use(account.load);
  bot.use(createSessionMiddleware(sessions));
  bot.use(i18n);
  bot.use(account.apply);

  // Channel posts (top-window watch) never reach conversations or menus.
  bot.use(createChannelWatchFeature(deps));
  // Admin chat: `adm:` buttons and admin-chat commands meet the guard before anything else.
  bot.use(createAdminFeature(deps, i18n));
  // Payments first: an open conversation must never swallow a pre-checkout or a payment.
  // Pro: Stars subscription payments (`sub:` payloads; anything else goes on to checkout).
  bot.use(createStarsSubscriptionPayments(deps));
  bot.use(createCheckoutFeature(deps));
  bot.use(createUnclaimedPayments(deps));
  bot.use(createRefundedPayments(deps));
  bot.use(createPaySupportFeature());
  // Conversations: the plugin, then /cancel (before any conversation sees the update).
  bot.use(createConversations(i18n));
  bot.use(createCancelFeature());
  bot.use(createSupportFeature(deps, i18n));
  bot.use(createSellingFeature(deps));
  bot.use(createReviewFeature(deps));
  bot.use(createCreativeFeature(deps));
  bot.use(createDisputesFeature(deps));
  bot.use(createMarkingFeature(deps));
  bot.use(createBalanceFeature(deps));
  bot.use(createAnalyticsFeature(deps));
  bot.use(createViewsFeature(deps));
  bot.use(createApiKeysFeature(deps));
  bot.use(createCatalogFeature(deps));
  bot.use(createBookingFeature(deps, i18n));

  const helpMenu = createHelpMenu(deps);
  const startMenu = createStartMenu(helpMenu, deps);
  const languageMenu = createLanguageMenu(deps);
  bot.use(startMenu, languageMenu);

  bot.use(createMembersFeature(deps, i18n));
  bot.use(createStartFeature(startMenu, { deps, i18n }), createHelpFeature(helpMenu, deps));
  bot.use(createLanguageFeature(languageMenu));
  bot.use(createChannelsFeature(deps, i18n));
  bot.use(createCalendarFeature(deps));
  bot.use(createOrdersFeature(deps));
  bot.use(createSubscriptionFeature(deps));
  bot.use(createFallbackFeature());
  return bot;
}
