import type { StateMachine } from '../state-machine.js';
import type { ChannelStatus } from './table.js';

/**
 * A channel is born `pending_review` while admins pre-moderate new channels, else `active`
 * (registerChannel).
 */
export const channelEntryStatuses: readonly ChannelStatus[] = ['pending_review', 'active'];

/**
 * The channel state machine: every legal move, from → allowed targets (docs/channels.md).
 * `paused → paused` changes only the pause reason (owner, bot_rights, plan).
 */
export const channelTransitions: StateMachine<ChannelStatus> = {
  pending_review: ['active', 'paused', 'blocked'],
  active: ['paused', 'blocked'],
  paused: ['active', 'paused', 'blocked'],
  blocked: ['active'],
};
