import { callbackData, field } from './codec.js';

/** ch:list — my channels; ch:add — how to add a channel. */
export const channelListData = 'ch:list';
export const addChannelData = 'ch:add';

/** ch:verify:<chat id> — check the bot's rights in that channel (again). */
export const verifyChannelData = callbackData('ch:verify', {
  chatId: field.int(15, { signed: true }),
});

/** ch:card:<channelId> — the channel's card. */
export const channelCardData = callbackData('ch:card', { channelId: field.uuid });

/** ch:<action>:<channelId> — the card's actions (remove asks first; remove-yes removes). */
export const channelActionData = callbackData('ch', {
  action: field.oneOf('recheck', 'pause', 'resume', 'remove', 'remove-yes'),
  channelId: field.uuid,
});
