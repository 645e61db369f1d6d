import { approveChannel, rejectChannel } from '../../../../models/admin/moderate-channel.js';
import { type AdminCardActions, moderationCardActions } from './actions-kit.js';

/** Approve at once; Reject asks for the reason (shown to the owner) first. */
export const channelCardActions: AdminCardActions = (input) => {
  const { deps } = input;
  return moderationCardActions(input, {
    kind: 'channel',
    promptKey: 'admin-ask-reason',
    approve: (channelId, admin) => approveChannel(deps.database, { channelId, admin }, deps.clock),
    reject: (reply) =>
      rejectChannel(
        deps.database,
        { channelId: reply.objectId, admin: reply.admin, reason: reply.text },
        deps.clock,
      ),
  });
};
