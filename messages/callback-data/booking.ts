import { callbackData, field, type Field } from './codec.js';

/** A slot format in one short code, no ':' inside: '1/24' ⇄ '1-24', 'pin:24' ⇄ 'p24'. */
const format: Field<string> = {
  source: '\\d-\\d{1,2}|p\\d{1,3}',
  samples: ['1/24', 'pin:24'],
  write: (value) => (value.startsWith('pin:') ? `p${value.slice(4)}` : value.replace('/', '-')),
  read: (code) => (code.startsWith('p') ? `pin:${code.slice(1)}` : code.replace('-', '/')),
};
const channelId = field.uuid;

/** book:start:<channelId> — the entry point (catalog card «Book»). */
export const startData = callbackData('book:start', { channelId });
/** book:f:<channelId>:<format> — days with free slots for the format. */
export const formatData = callbackData('book:f', { channelId, format });
/** book:d:<channelId>:<format>:<YYYYMMDD> — free times of one local day. */
export const dayData = callbackData('book:d', { channelId, format, date: field.date });
/** book:t:<channelId>:<format>:<epoch minutes> — hold this slot. */
export const timeData = callbackData('book:t', { channelId, format, at: field.minute(9) });
/** book:rm:<orderItemId> — drop one held item. */
export const removeData = callbackData('book:rm', { itemId: field.uuid });
/** book:acc:<channelId> — ask a whitelist-only channel for access. */
export const accessData = callbackData('book:acc', { channelId });
/** book:allow|deny:<requestId> — the owner's one-tap answer. */
export const decideData = callbackData('book', {
  answer: field.oneOf('allow', 'deny'),
  requestId: field.uuid,
});
export const cartData = 'book:cart';
export const cancelData = 'book:cancel';
export const cancelYesData = 'book:cancel:yes';
/** Reserved entry point of the catalog. */
export const catalogHomeData = 'cat:home';
