import { uuidSource } from '../../models/uuid.js';
import { callbackData, field, type Field } from './codec.js';

/** A channel id, or `all` (null) for every channel of the workspace. */
const channelOrAll: Field<string | null> = {
  source: `all|${uuidSource}`,
  samples: [null, '00000000-0000-4000-8000-000000000000'],
  write: (value) => value ?? 'all',
  read: (text) => (text === 'all' ? null : text),
};

/** The dashboard's period in days. */
const days = field.oneOf('7', '30', '90');

/**
 * ana:show|chart:<7|30|90>:<all|channelId> — the owner dashboard over the last 7, 30 or 90 days
 * for all channels or one (`show`), or its chart as a photo (`chart`).
 */
export const dashboardData = callbackData('ana', {
  action: field.oneOf('show', 'chart'),
  days,
  channel: channelOrAll,
});

/**
 * ana:csv:<o|p|y|d>:<7|30|90>:<all|channelId> — a CSV export of the dashboard's period and
 * channels: orders, placements, payouts or daily rollups (Pro).
 */
export const csvExportData = callbackData('ana:csv', {
  kind: field.codes({ orders: 'o', placements: 'p', payouts: 'y', daily: 'd' }),
  days,
  channel: channelOrAll,
});

/** The dashboard's «CSV exports (Pro)» button on Free: says they come with Pro. */
export const csvProData = 'ana:csv-pro';
