import { z } from 'zod';
import { fixedFormats, maxPinHours } from './formats.js';

/** Catalog categories (fixed list; labels live in locales as `category-<id>`). */
export const channelCategories = [
  'news',
  'tech',
  'business',
  'finance',
  'crypto',
  'education',
  'entertainment',
  'lifestyle',
  'travel',
  'food',
  'sports',
  'games',
  'music',
  'health',
  'other',
] as const;
export type ChannelCategory = (typeof channelCategories)[number];

export const priceCurrencies = ['RUB', 'USD'] as const;
export type PriceCurrency = (typeof priceCurrencies)[number];

/** Largest price an owner may set, in minor units (10 000 000.00). */
export const maxPriceMinor = 1_000_000_000;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_invalid');
const weekdays = z.array(z.number().int().min(1).max(7)).min(1).max(7); // ISO: 1 = Monday
const price = z.number().int().positive().max(maxPriceMinor);

export const scheduleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('times'), days: weekdays, times: z.array(hhmm).min(1).max(48) }),
  z.object({
    mode: z.literal('windows'),
    days: weekdays,
    windows: z
      .array(z.object({ from: hhmm, to: hhmm }))
      .min(1)
      .max(8),
    stepMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
  }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

/** Everything an owner configures for selling one channel (stored in channels.settings). */
export const channelSettingsSchema = z.object({
  timezone: z.string().min(1),
  schedule: scheduleSchema.nullable(),
  currency: z.enum(priceCurrencies),
  /** Price per fixed format in minor units; absent = format not offered. */
  prices: z.partialRecord(z.enum(fixedFormats), price),
  pinned: z.object({ hours: z.number().int().min(1).max(maxPinHours), price }).nullable(),
  leadTimeMinutes: z
    .number()
    .int()
    .min(0)
    .max(14 * 24 * 60),
  horizonDays: z.number().int().min(1).max(90),
  /** Local dates (YYYY-MM-DD, in the channel's timezone) with no slots. */
  blackoutDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366),
  maxPerDay: z.number().int().min(1).max(96).nullable(),
  category: z.enum(channelCategories).nullable(),
  language: z.string().regex(/^[a-z]{2}$/),
  description: z.string().max(500),
  review: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('auto') }),
    z.object({ mode: z.literal('manual'), deadlineHours: z.number().int().min(1).max(72) }),
  ]),
  whitelistOnly: z.boolean(),
  bundleDiscount: z
    .object({
      minSlots: z.number().int().min(2).max(100),
      percent: z.number().int().min(1).max(90),
    })
    .nullable(),
  requiresMarking: z.boolean(),
  /** Words an ad may not contain (case-insensitive, whole words). */
  stopWords: z.array(z.string().min(1).max(64)).max(100),
  /** Domains (and their subdomains) an ad may not link to. */
  blockedDomains: z.array(z.string().min(3).max(253)).max(100),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

/** Defaults for a new channel: timezone and marking follow the language (ru → Moscow, marking on). */
export function defaultChannelSettings(language: string): ChannelSettings {
  const ru = language === 'ru';
  return {
    timezone: ru ? 'Europe/Moscow' : 'UTC',
    schedule: null,
    currency: ru ? 'RUB' : 'USD',
    prices: {},
    pinned: null,
    leadTimeMinutes: 120,
    horizonDays: 30,
    blackoutDates: [],
    maxPerDay: null,
    category: null,
    language: /^[a-z]{2}$/.test(language) ? language : 'en',
    description: '',
    review: { mode: 'manual', deadlineHours: 24 },
    whitelistOnly: false,
    bundleDiscount: null,
    requiresMarking: ru,
    stopWords: [],
    blockedDomains: [],
  };
}

/** Reads stored settings; anything missing or invalid falls back to the defaults for the language. */
export function readChannelSettings(stored: unknown, language: string): ChannelSettings {
  const defaults = defaultChannelSettings(language);
  const merged = { ...defaults, ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = channelSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaults;
}
