import { Composer } from 'grammy';
import { decideParkedUpdate } from '../../../../models/intake/parked.js';
import { assertNever } from '../../../../models/errors.js';
import type { BotContext } from '../../../context.js';
import { adminActor } from '../ask-reason.js';
import { adminCardData } from '../../../../messages/callback-data/admin.js';
import { type AdminCardActions, answerAdmin, answerStaleCard } from './actions-kit.js';

/** "Retry" queues the update again with fresh attempts; "Dismiss" ends it unhandled. */
export const parkedUpdateCardActions: AdminCardActions = (input) => {
  const { deps } = input;
  const feature = new Composer<BotContext>();
  feature.callbackQuery(adminCardData.parked_update.filter, async (ctx) => {
    const { action, id } = adminCardData.parked_update.parse(ctx.callbackQuery.data);
    const result = await decideParkedUpdate(deps.database, {
      id,
      decision: action === 'retry' ? 'retry' : 'dismiss',
      admin: adminActor(ctx),
      at: deps.clock.now(),
    });
    const card = { kind: 'parked_update' as const, objectId: id };
    if (!result.ok) {
      switch (result.code) {
        case 'not_found':
          return answerStaleCard(ctx, input, card, 'admin-card-gone-short');
        case 'not_parked':
          return answerStaleCard(ctx, input, card, 'admin-card-closed');
        default:
          return assertNever(result.code);
      }
    }
    await answerAdmin(ctx, input, action === 'retry' ? 'admin-parked-retried' : 'admin-done');
    await input.refresh(ctx, 'parked_update', id);
  });
  return feature;
};
