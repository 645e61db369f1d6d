import { Menu } from '@grammyjs/menu';
import type { BotContext } from '../../context.js';
import { menuOptions, showInMenu } from '../../menu-options.js';
import { helpMenuId } from '../help/menu.js';
import { welcomeText } from './welcome.js';

/**
 * The /start role menu. Each role opens a submenu explaining that role (the flows come later)
 * with Back; «Help» opens the help menu. Submenus are registered on this root.
 */
export function createStartMenu(helpMenu: Menu<BotContext>): Menu<BotContext> {
  const owner = new Menu<BotContext>('start-owner', menuOptions).back(
    (ctx) => ctx.t('start-back'),
    (ctx) => showInMenu(ctx, welcomeText(ctx, ctx.from)),
  );
  const advertiser = new Menu<BotContext>('start-advertiser', menuOptions).back(
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
    .submenu(
      (ctx) => ctx.t('start-role-advertiser'),
      'start-advertiser',
      (ctx) => showInMenu(ctx, ctx.t('start-advertiser-text')),
    )
    .row()
    .submenu(
      (ctx) => ctx.t('start-role-help'),
      helpMenuId,
      (ctx) => showInMenu(ctx, ctx.t('help-text')),
    );
  root.register([owner, advertiser, helpMenu]);
  return root;
}
