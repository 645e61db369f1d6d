import { Composer } from 'grammy';
import {
  confirmPlacementPublished,
  failUncertainPlacement,
  type PlacementReviewCode,
} from '../../../../models/admin/moderate-placement.js';
import { assertNever } from '../../../../models/errors.js';
import type { BotContext } from '../../../context.js';
import { refundOrder } from '../../../../telegram/refund-order.js';
import { adminActor, askAdminReason, onAdminReply } from '../ask-reason.js';
import { adminCardData } from '../../../../messages/callback-data/admin.js';
import {
  type AdminCardActionDeps,
  type AdminCardActions,
  answerAdmin,
  answerStaleCard,
} from './actions-kit.js';

/** The message id from what the admin sent: a t.me post link or the bare number. */
export function parsePostMessageId(text: string): number | undefined {
  const match = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/(?:c\/)?[\w]+\/(\d+)\/?$|^(\d+)$/i.exec(
    text.trim(),
  );
  const id = Number(match?.[1] ?? match?.[2]);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

async function answerCode(
  ctx: BotContext,
  input: AdminCardActionDeps,
  placementId: string,
  code: PlacementReviewCode | 'bad_format',
) {
  const card = { kind: 'placement' as const, objectId: placementId };
  switch (code) {
    case 'not_found':
    case 'bad_format':
      return answerStaleCard(ctx, input, card, 'admin-card-gone-short');
    case 'not_in_review':
      return answerStaleCard(ctx, input, card, 'admin-card-closed');
    default:
      assertNever(code);
  }
}

/**
 * "It was published" asks for the post's link (or message id) and resumes verification with it;
 * "Not published" fails the placement — and, when nothing of the order went out, refunds it.
 */
export const placementCardActions: AdminCardActions = (input) => {
  const { deps, i18n } = input;
  const feature = new Composer<BotContext>();
  const askLink = (ctx: BotContext, placementId: string) =>
    askAdminReason(ctx, deps, i18n, {
      kind: 'placement',
      objectId: placementId,
      action: 'published',
      promptKey: 'admin-placement-ask-link',
    });
  feature.callbackQuery(adminCardData.placement.filter, async (ctx) => {
    const { action, id: placementId } = adminCardData.placement.parse(ctx.callbackQuery.data);
    if (action === 'pub') return askLink(ctx, placementId);
    const result = await failUncertainPlacement(
      deps.database,
      { placementId, admin: adminActor(ctx) },
      deps.clock,
    );
    if (!result.ok) return answerCode(ctx, input, placementId, result.code);
    await answerAdmin(ctx, input, 'admin-done');
    await input.refresh(ctx, 'placement', placementId);
    if (result.value.orderFailed) {
      await refundOrder(
        { ...deps, api: deps.outbound.api },
        { workspaceId: result.value.workspaceId, orderId: result.value.orderId },
        `admin:${ctx.from?.id ?? 0}`,
      );
    }
  });
  feature.use(
    onAdminReply('placement', 'published', async (ctx, reply) => {
      const messageId = parsePostMessageId(reply.text);
      if (messageId === undefined) {
        await answerAdmin(ctx, input, 'admin-placement-bad-link');
        return askLink(ctx, reply.objectId);
      }
      const result = await confirmPlacementPublished(
        deps.database,
        { placementId: reply.objectId, messageId, admin: reply.admin },
        deps.clock,
      );
      if (!result.ok) return answerCode(ctx, input, reply.objectId, result.code);
      await input.refresh(ctx, 'placement', reply.objectId);
    }),
  );
  return feature;
};
