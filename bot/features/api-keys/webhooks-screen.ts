import { InlineKeyboard } from 'grammy';
import {
  apiKeysCallback,
  webhooksCallback,
  type ApiKeysOwnerKind,
} from '../../../messages/callback-data/api-keys.js';
import type { WebhookEndpointList } from '../../../models/partner-webhooks/list-webhook-endpoints.js';
import { maxWebhookEndpoints } from '../../../models/partner-webhooks/queries.js';
import type { BotContext } from '../../context.js';
import type { KeyboardScreen } from '../../kit/show-screen.js';

/**
 * The presser's webhook endpoints of one kind, numbered: «Add an endpoint» while the plan allows and
 * fewer than the limit exist; per endpoint «New secret» (or «Switch on» when off) and «Delete».
 */
export function webhooksScreen(
  ctx: BotContext,
  kind: ApiKeysOwnerKind,
  list: WebhookEndpointList,
): KeyboardScreen {
  const lines = [
    kind === 'workspace' ? ctx.t('webhooks-title-workspace') : ctx.t('webhooks-title-account'),
    '',
    ...(list.endpoints.length === 0
      ? [ctx.t('webhooks-none')]
      : list.endpoints.map((e, i) =>
          e.status === 'enabled'
            ? ctx.t('webhooks-line', { n: i + 1, url: e.url, events: e.events.length })
            : ctx.t('webhooks-line-disabled', { n: i + 1, url: e.url }),
        )),
    '',
    list.planAllows
      ? ctx.t('webhooks-hint', { limit: maxWebhookEndpoints })
      : ctx.t('webhooks-pro-required'),
  ];
  const keyboard = new InlineKeyboard();
  if (list.planAllows && list.endpoints.length < maxWebhookEndpoints)
    keyboard
      .text(ctx.tPlain('webhooks-add-button'), webhooksCallback.create.pack({ owner: kind }))
      .row();
  list.endpoints.forEach((endpoint, i) => {
    const target = { owner: kind, endpointId: endpoint.id };
    const n = i + 1;
    if (endpoint.status === 'enabled')
      keyboard.text(
        ctx.tPlain('webhooks-rotate-button', { n }),
        webhooksCallback.rotate.pack(target),
      );
    else
      keyboard.text(
        ctx.tPlain('webhooks-enable-button', { n }),
        webhooksCallback.enable.pack(target),
      );
    keyboard
      .text(ctx.tPlain('webhooks-delete-button', { n }), webhooksCallback.remove.pack(target))
      .row();
  });
  keyboard.text(ctx.tPlain('apikeys-back'), apiKeysCallback.show.pack({ owner: kind }));
  return { text: lines.join('\n'), keyboard };
}
