/** Callback data of booking (≤ 64 bytes: a uuid plus a short format code and a day or minute). */
const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const fmt = '(\\d-\\d{1,2}|p\\d{1,3})';

/** book:start:<channelId> — the entry point (catalog card «Book»). */
export const startPattern = new RegExp(`^book:start:${uuid}$`);
/** book:f:<channelId>:<format> — days with free slots for the format. */
export const formatPattern = new RegExp(`^book:f:${uuid}:${fmt}$`);
/** book:d:<channelId>:<format>:<YYYYMMDD> — free times of one local day. */
export const dayPattern = new RegExp(`^book:d:${uuid}:${fmt}:(\\d{8})$`);
/** book:t:<channelId>:<format>:<epoch minutes> — hold this slot. */
export const timePattern = new RegExp(`^book:t:${uuid}:${fmt}:(\\d{1,9})$`);
/** book:rm:<orderItemId> — drop one held item. */
export const removePattern = new RegExp(`^book:rm:${uuid}$`);
/** book:acc:<channelId> — ask a whitelist-only channel for access. */
export const accessPattern = new RegExp(`^book:acc:${uuid}$`);
/** book:allow|deny:<requestId> — the owner's one-tap answer. */
export const decidePattern = new RegExp(`^book:(allow|deny):${uuid}$`);

/** '1/24' ⇄ '1-24', 'pin:24' ⇄ 'p24' (no ':' inside a callback argument). */
export const encodeFormat = (format: string) =>
  format.startsWith('pin:') ? `p${format.slice(4)}` : format.replace('/', '-');
export const decodeFormat = (code: string) =>
  code.startsWith('p') ? `pin:${code.slice(1)}` : code.replace('-', '/');

export const startData = (channelId: string) => `book:start:${channelId}`;
export const formatData = (channelId: string, format: string) =>
  `book:f:${channelId}:${encodeFormat(format)}`;
export const dayData = (channelId: string, format: string, date: string) =>
  `book:d:${channelId}:${encodeFormat(format)}:${date.replaceAll('-', '')}`;
export const timeData = (channelId: string, format: string, at: Date) =>
  `book:t:${channelId}:${encodeFormat(format)}:${Math.floor(at.getTime() / 60_000)}`;
export const removeData = (itemId: string) => `book:rm:${itemId}`;
export const accessData = (channelId: string) => `book:acc:${channelId}`;
export const decideData = (allow: boolean, requestId: string) =>
  `book:${allow ? 'allow' : 'deny'}:${requestId}`;
export const cartData = 'book:cart';
export const cancelData = 'book:cancel';
export const cancelYesData = 'book:cancel:yes';
/** Reserved entry points of other features. */
export const catalogHomeData = 'cat:home';
export const creativeData = (bundleId: string) => `crt:start:${bundleId}`;
