import { z } from 'zod';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { assertNever } from '../../models/errors.js';
import {
  readChannelAvailability,
  type AvailabilityCode,
  type ChannelAvailability,
} from '../../models/orders/availability.js';
import { priceCurrencies } from '../../models/channels/settings.js';
import { apiKeyOwnerOf } from './auth.js';
import { checkDayRange, dayRangeMembers } from './day-range.js';
import { defineOperation, type Operation } from './operation.js';
import { ProblemError } from './problems.js';
import { minorUnits, named, uuid } from './schemas.js';

/** Most local days one availability request may span. */
export const maxAvailabilityDays = 31;

const availability = named(
  'Availability',
  z
    .object({
      channel_id: uuid,
      timezone: z.string().describe('IANA time zone of the channel; `from`/`to` are its days.'),
      currency: z.enum(priceCurrencies),
      formats: z.array(
        z.object({
          format: z.string().describe('1/24, 2/48, 3/72, 1/0 or pin:<hours>.'),
          price: minorUnits,
          slots: z
            .array(z.object({ starts_at: z.iso.datetime({ offset: true }) }))
            .describe('Free start times this format can be booked at now, in time order.'),
        }),
      ),
    })
    .describe('A channel’s free, sellable start times per offered format.'),
);

function present(value: ChannelAvailability): z.output<typeof availability> {
  return {
    channel_id: value.channelId,
    timezone: value.timezone,
    currency: value.currency,
    formats: value.formats.map((f) => ({
      format: f.format,
      price: f.price,
      slots: f.slots.map((at) => ({ starts_at: at.toISOString() })),
    })),
  };
}

function problemOf(code: AvailabilityCode): ProblemError {
  switch (code) {
    case 'channel_not_found':
      return new ProblemError('not-found', 'No channel with this id for this key.');
    case 'format_not_offered':
      return new ProblemError('format-not-offered', 'GET /v1/channels/{id} lists its formats.');
    case 'whitelist_required':
      return new ProblemError(
        'channel-not-bookable',
        'The channel sells only to advertisers its owner allowed; ask for access in the bot.',
      );
    case 'access_requested':
      return new ProblemError('channel-not-bookable', 'Your access request awaits the owner.');
    case 'access_declined':
      return new ProblemError('channel-not-bookable', 'The owner declined your access request.');
    case 'own_channel':
      return new ProblemError('channel-not-bookable', 'You cannot book your own channel.');
    default:
      return assertNever(code);
  }
}

/** `GET /v1/channels/{id}/availability`: free, sellable start times on a range of local days. */
export function availabilityOperations(deps: { database: Database; clock: Clock }): Operation[] {
  const read = defineOperation({
    operationId: 'getChannelAvailability',
    method: 'get',
    path: '/v1/channels/{id}/availability',
    tag: 'Channels',
    summary: 'Free start times of a channel',
    description: `The start times that can be booked now on local days \`from\`..\`to\` (at most ${maxAvailabilityDays}) of the channel’s time zone, per offered format (or only \`format\`): the bot’s rules apply — lead time, horizon, top windows of booked posts, ads per day. Advertiser keys: a channel they may book. Owner keys: their own channels (nothing is sellable unless the channel is active).`,
    params: z.object({ id: uuid.describe('The channel’s id.') }),
    query: checkDayRange(
      z.object({
        ...dayRangeMembers(maxAvailabilityDays),
        format: z
          .string()
          .max(16)
          .optional()
          .describe('Only this format (1/24, 2/48, 3/72, 1/0 or pin:<hours>).'),
      }),
      maxAvailabilityDays,
    ),
    responses: { 200: { description: 'The free start times.', schema: availability } },
    problems: ['format-not-offered', 'channel-not-bookable', 'not-found'],
    async handle(ctx, { params, query }) {
      const result = await readChannelAvailability(
        deps.database,
        {
          viewer: apiKeyOwnerOf(ctx),
          channelId: params.id,
          format: query.format,
          days: { from: query.from, to: query.to },
        },
        deps.clock,
      );
      if (!result.ok) throw problemOf(result.code);
      return { body: present(result.value) };
    },
  });
  return [read];
}
