import { Menu } from '@grammyjs/menu';
import type { BotContext, BotDeps } from '../../context.js';
import { menuOptions, showInMenu } from '../../menu-options.js';
import { openDashboard } from '../analytics/index.js';
import { showApiKeys } from '../api-keys/index.js';
import { showBalance } from '../balance/index.js';
import { showAddChannel, showChannelList } from '../channels/screens.js';
import { helpMenuId } from './help-menu.js';
import { helpText } from '../help/text.js';
import { showPlanScreen } from '../subscription/index.js';
import { showAdvertiserScreen } from './advertiser.js';
import { welcomeText } from './welcome.js';

/**
 * The /start role menu. «I own channels» opens the owner submenu (my channels, add a channel,
 * plan, API keys, balance, statistics);
 * «I advertise» shows the advertiser screen (find channels, my orders: plain callback buttons of
 * other features, so it is not a submenu); «Help» opens the help menu.
 * Submenus are registered on this root.
 */
export function createStartMenu(helpMenu: Menu<BotContext>, deps: BotDeps): Menu<BotContext> {
  const owner = new Menu<BotContext>('start-owner', menuOptions)
    .text(
      (ctx) => ctx.t('start-owner-channels'),
      (ctx) => showChannelList(ctx, deps),
    )
    .row()
    .text(
      (ctx) => ctx.t('start-owner-add'),
      (ctx) => showAddChannel(ctx),
    )
    .row()
    .text(
      (ctx) => ctx.t('subscription-menu-button'),
      (ctx) => showPlanScreen(ctx, deps),
    )
    .row()
    .text(
      (ctx) => ctx.t('apikeys-button'),
      (ctx) => showApiKeys(ctx, deps, 'workspace'),
    )
    .row()
    .text(
      (ctx) => ctx.t('balance-menu-button'),
      (ctx) => showBalance(ctx, deps),
    )
    .row()
    .text(
      (ctx) => ctx.t('analytics-menu-button'),
      (ctx) => openDashboard(ctx, deps),
    )
    .row()
    .back(
      (ctx) => ctx.t('start-back'),
      (ctx) => showInMenu(ctx, welcomeText(ctx, ctx.from)),
    );
  const root = new Menu<BotContext>('start', menuOptions)
    .submenu(
      (ctx) => ctx.t('start-role-owner'),
      'start-owner',
      (ctx) => showInMenu(ctx, ctx.t('start-owner-text')),
    )
    .row()
    .text(
      (ctx) => ctx.t('start-role-advertiser'),
      (ctx) => showAdvertiserScreen(ctx),
    )
    .row()
    .submenu(
      (ctx) => ctx.t('start-role-help'),
      helpMenuId,
      (ctx) => showInMenu(ctx, helpText(ctx, deps.config)),
    );
  root.register([owner, helpMenu]);
  return root;
}
