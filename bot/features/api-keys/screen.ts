import { InlineKeyboard } from 'grammy';
import { formatDate, formatMomentWithYear } from '../../../format/dates.js';
import { trustedHtml } from '../../../format/html.js';
import { maxLiveApiKeys } from '../../../models/api-keys/create-api-key.js';
import type { ApiKeyList, ApiKeyListItem } from '../../../models/api-keys/list-api-keys.js';
import {
  apiKeysCallback,
  webhooksCallback,
  type ApiKeysOwnerKind,
} from '../../../messages/callback-data/api-keys.js';
import { advertiserScreenData } from '../../../messages/callback-data/start.js';
import { planCallback } from '../../../messages/callback-data/subscription.js';
import type { BotContext } from '../../context.js';
import type { KeyboardScreen } from '../../kit/show-screen.js';

type Translate = BotContext['t'];

function keyLine(t: Translate, key: ApiKeyListItem, locale: string): string {
  if (key.revokedAt !== null)
    return t('apikeys-line-revoked', {
      name: key.name,
      prefix: key.prefix,
      revoked: formatDate(key.revokedAt, 'UTC', locale),
    });
  return t('apikeys-line', {
    name: key.name,
    prefix: key.prefix,
    created: formatDate(key.createdAt, 'UTC', locale),
    used: trustedHtml(
      key.lastUsedAt === null
        ? t('apikeys-never-used')
        : t('apikeys-used', { at: formatMomentWithYear(key.lastUsedAt, 'UTC', locale) }),
    ),
  });
}

/**
 * The list of the presser's keys of one kind: a line per key (live first), «Create a key» while
 * the plan allows and fewer than the limit are live, «Revoke» per live key; on Free, why not and
 * the plan button.
 */
export function apiKeysScreen(
  ctx: BotContext,
  kind: ApiKeysOwnerKind,
  list: ApiKeyList,
  locale: string,
): KeyboardScreen {
  const live = list.keys.filter((k) => k.revokedAt === null);
  const lines = [
    kind === 'workspace' ? ctx.t('apikeys-title-workspace') : ctx.t('apikeys-title-account'),
    '',
    ...(list.keys.length === 0
      ? [ctx.t('apikeys-none')]
      : list.keys.map((k) => keyLine(ctx.t, k, locale))),
    '',
    list.planAllows
      ? ctx.t('apikeys-limit', { used: live.length, limit: maxLiveApiKeys })
      : ctx.t('apikeys-pro-required'),
    ctx.t('apikeys-hint'),
  ];
  const keyboard = new InlineKeyboard();
  if (list.planAllows && live.length < maxLiveApiKeys)
    keyboard
      .text(ctx.tPlain('apikeys-create-button'), apiKeysCallback.create.pack({ owner: kind }))
      .row();
  if (!list.planAllows) keyboard.text(ctx.tPlain('subscription-open'), planCallback.show).row();
  for (const key of live)
    keyboard
      .text(
        ctx.tPlain('apikeys-revoke-button', { name: key.name }),
        apiKeysCallback.revoke.pack({ owner: kind, keyId: key.id }),
      )
      .row();
  keyboard.text(ctx.tPlain('webhooks-button'), webhooksCallback.show.pack({ owner: kind })).row();
  keyboard.text(
    ctx.tPlain('apikeys-back'),
    kind === 'account' ? advertiserScreenData : apiKeysCallback.home,
  );
  return { text: lines.join('\n'), keyboard };
}

/** /apikeys: whose keys to open, the workspace's or the advertiser account's. */
export function apiKeysHomeScreen(ctx: BotContext): KeyboardScreen {
  const keyboard = new InlineKeyboard()
    .text(ctx.tPlain('apikeys-choose-workspace'), apiKeysCallback.show.pack({ owner: 'workspace' }))
    .row()
    .text(ctx.tPlain('apikeys-choose-account'), apiKeysCallback.show.pack({ owner: 'account' }));
  return { text: ctx.t('apikeys-choose'), keyboard };
}
