import type { Context } from 'grammy';
import type { Message, Update } from 'grammy/types';

/** Update kinds never limited: money (checkout), membership, and channel activity/analytics. */
const exemptUpdateKinds = [
  'pre_checkout_query',
  'shipping_query',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'channel_post',
  'edited_channel_post',
  'message_reaction_count',
  'chat_boost',
  'removed_chat_boost',
] as const satisfies readonly (keyof Update)[];

/** Message fields that make it a service message (Bot API 10.1): Telegram's, not typed by a user. */
const serviceMessageFields = [
  'successful_payment',
  'refunded_payment',
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'channel_chat_created',
  'message_auto_delete_timer_changed',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'pinned_message',
  'users_shared',
  'chat_shared',
  'gift',
  'unique_gift',
  'gift_upgrade_sent',
  'connected_website',
  'write_access_allowed',
  'passport_data',
  'proximity_alert_triggered',
  'boost_added',
  'chat_background_set',
  'chat_owner_left',
  'chat_owner_changed',
  'checklist_tasks_done',
  'checklist_tasks_added',
  'direct_message_price_changed',
  'paid_message_price_changed',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'giveaway_created',
  'giveaway_completed',
  'managed_bot_created',
  'poll_option_added',
  'poll_option_deleted',
  'suggested_post_approved',
  'suggested_post_approval_failed',
  'suggested_post_declined',
  'suggested_post_paid',
  'suggested_post_refunded',
  'video_chat_scheduled',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_participants_invited',
  'web_app_data',
] as const satisfies readonly (keyof Message)[];

/** A message Telegram generated about an event (payment, refund, members, chat changes…). */
export function isServiceMessage(message: Message): boolean {
  return serviceMessageFields.some((field) => message[field] !== undefined);
}

/**
 * Updates the rate limiter neither counts nor drops: the exempt kinds above, anything in the admin
 * chat, and service messages — whatever the sender sent before, these always reach the handlers.
 */
export function isRateLimitExempt(
  ctx: Pick<Context, 'update' | 'chat'>,
  adminChatId: number | undefined,
): boolean {
  const { update } = ctx;
  if (exemptUpdateKinds.some((kind) => update[kind] !== undefined)) return true;
  if (adminChatId !== undefined && ctx.chat?.id === adminChatId) return true;
  return update.message !== undefined && isServiceMessage(update.message);
}
