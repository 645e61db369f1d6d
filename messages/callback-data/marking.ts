import { callbackData, field } from './codec.js';

/** mk:rules:<channelId> — the channel's stop words & domains (from the selling settings). */
export const contentRulesData = callbackData('mk:rules', { channelId: field.uuid });
