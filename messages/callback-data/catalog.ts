import { callbackData, field } from './codec.js';

/** The catalog's filters in five characters (bot/features/catalog/filter-code.ts). */
const filters = field.code('[0-9a-z_]{4}[s_]', '____s');
const page = field.int(4);

/** cat:l:<filters>:<page> — a page of results. */
export const listData = callbackData('cat:l', { filters, page });
/** cat:f:<filters> — which filter to change. */
export const filtersData = callbackData('cat:f', { filters });
/** cat:fc|fl|fs|fp:<filters> — the choices of one filter. */
export const choiceData = callbackData('cat', {
  field: field.codes({ category: 'fc', language: 'fl', subscribers: 'fs', price: 'fp' }),
  filters,
});
/** cat:c:<channelId>:<filters>:<page> — a channel's card, «Back» returns to that page. */
export const cardData = callbackData('cat:c', { channelId: field.uuid, filters, page });
