import type { FixedFormat, FormatId } from './formats.js';
import { offeredFormats } from './rights.js';
import type { ChannelSettings } from './settings.js';

/** The formats a channel offers with their prices (minor units of its currency), fixed first. */
export function formatPrices(settings: ChannelSettings): { format: FormatId; price: number }[] {
  return offeredFormats(settings).map((format) => ({
    format,
    price: format.startsWith('pin:')
      ? (settings.pinned?.price ?? 0)
      : (settings.prices[format as FixedFormat] ?? 0),
  }));
}
