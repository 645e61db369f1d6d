/** Callback data of the calendar (≤ 64 bytes: a channel uuid plus a short slot or day reference). */
const uuid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** cal:open:<channelId>:<weekOffset> — the week view (the reserved cross-feature entry point). */
export const openPattern = new RegExp(`^cal:open:${uuid}:(-?\\d{1,2})$`);
/** cal:d:<channelId>:<YYYYMMDD> — one day's slots with block/unblock buttons. */
export const dayPattern = new RegExp(`^cal:d:${uuid}:(\\d{8})$`);
/** cal:b|u|i:<channelId>:<epoch minutes> — block, unblock, or explain a slot. */
export const slotPattern = new RegExp(`^cal:(b|u|i):${uuid}:(\\d{1,9})$`);

export const openData = (channelId: string, week: number) => `cal:open:${channelId}:${week}`;
export const dayData = (channelId: string, date: string) =>
  `cal:d:${channelId}:${date.replaceAll('-', '')}`;
export const slotData = (action: 'b' | 'u' | 'i', channelId: string, minute: number) =>
  `cal:${action}:${channelId}:${minute}`;

/** YYYYMMDD → YYYY-MM-DD. */
export function isoDate(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}
