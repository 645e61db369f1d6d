/** Ad formats (docs/product.md#formats-and-time): "X/Y" = X hours on top, Y hours in the feed then deleted; 1/0 never deleted. */
export const fixedFormats = ['1/24', '2/48', '3/72', '1/0'] as const;
export type FixedFormat = (typeof fixedFormats)[number];
/** "pin:N" = pinned for N hours (1–168), then unpinned; the post stays. */
export type PinnedFormat = `pin:${number}`;
export type FormatId = FixedFormat | PinnedFormat;

export interface FormatSpec {
  id: FormatId;
  /** Hours no other post may follow the ad. */
  topHours: number;
  /** Hours until the bot deletes the post; null = never. */
  deleteAfterHours: number | null;
  /** Hours the post stays pinned; null = not pinned. */
  pinHours: number | null;
  /** Bot rights this format needs in the channel besides posting. */
  needs: ('can_edit_messages' | 'can_delete_messages')[];
}

export const maxPinHours = 168;

/** Parses a format id; undefined for anything else. */
export function parseFormat(value: string): FormatId | undefined {
  if ((fixedFormats as readonly string[]).includes(value)) return value as FixedFormat;
  const pinned = /^pin:(\d{1,3})$/.exec(value);
  const hours = pinned ? Number(pinned[1]) : NaN;
  return hours >= 1 && hours <= maxPinHours ? (`pin:${hours}` as PinnedFormat) : undefined;
}

/** The rules of a format. */
export function formatSpec(id: FormatId): FormatSpec {
  if (id.startsWith('pin:')) {
    const hours = Number(id.slice(4));
    // Pinning in a channel needs can_edit_messages (Telegram's rule for channels).
    return {
      id,
      topHours: 0,
      deleteAfterHours: null,
      pinHours: hours,
      needs: ['can_edit_messages'],
    };
  }
  const [top, feed] = id.split('/').map(Number) as [number, number];
  return {
    id,
    topHours: top,
    deleteAfterHours: feed === 0 ? null : feed,
    pinHours: null,
    needs: feed === 0 ? [] : ['can_delete_messages'],
  };
}
