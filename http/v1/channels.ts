import { z } from 'zod';
import {
  catalogLanguages,
  maxSearchLength,
  minSearchLength,
} from '../../models/catalog/filters.js';
import type { CatalogFilters } from '../../models/catalog/filters.js';
import { listCatalog, type CatalogEntry } from '../../models/catalog/search-catalog.js';
import {
  findChannelSummary,
  pageWorkspaceChannels,
  type ChannelSummary,
} from '../../models/channels/channel-summaries.js';
import { channelCategories, priceCurrencies } from '../../models/channels/settings.js';
import { channelStatuses } from '../../models/channels/table.js';
import type { Database } from '../../models/db.js';
import { apiKeyScopeOf } from './auth.js';
import { defineOperation, type Operation } from './operation.js';
import { decodeCursor, pageBody, pageQuery, pageSchema } from './pagination.js';
import { ProblemError } from './problems.js';
import { minorUnits, named, uuid } from './schemas.js';

const ownedChannel = named(
  'OwnedChannel',
  z
    .object({
      id: z.string(),
      title: z.string(),
      username: z.string().nullable(),
      status: z.enum(channelStatuses),
      subscribers: z.number().int(),
      category: z.enum(channelCategories).nullable(),
      language: z.string(),
      currency: z.enum(priceCurrencies),
      timezone: z.string().describe('IANA time zone of the channel’s schedule.'),
      formats: z.array(
        z.object({
          format: z.string().describe('1/24, 2/48, 3/72, 1/0 or pin:<hours>.'),
          price: minorUnits,
        }),
      ),
    })
    .describe('A channel of the key’s workspace (owner keys), with its selling settings.'),
);

const catalogChannel = named(
  'CatalogChannel',
  z
    .object({
      id: z.string(),
      title: z.string(),
      username: z.string().nullable(),
      subscribers: z.number().int(),
      category: z.string().nullable(),
      language: z.string().nullable(),
      currency: z.enum(priceCurrencies),
      cheapest_price: minorUnits.describe('Price of the cheapest offered format.'),
    })
    .describe('A channel listed in the catalog (advertiser keys).'),
);

const channel = named('Channel', z.union([ownedChannel, catalogChannel]));
const channelPage = named('ChannelPage', pageSchema(channel));

const ownedKey = z.object({ createdMicros: z.string().regex(/^\d{1,19}$/), id: uuid });
const catalogKey = z.object({ subscribers: z.number().int().min(0), id: uuid });

const count = z.coerce.number().int().min(0);
const listQuery = z
  .object({
    ...pageQuery,
    category: z.enum(channelCategories).optional().describe('Catalog only.'),
    language: z.enum(catalogLanguages).optional().describe('Catalog only.'),
    min_subscribers: count.optional().describe('Catalog only: at least this many.'),
    max_subscribers: count.optional().describe('Catalog only: fewer than this many.'),
    currency: z.enum(priceCurrencies).optional().describe('Catalog only: required with prices.'),
    min_price: count.optional().describe('Catalog only: cheapest format at least this.'),
    max_price: count.optional().describe('Catalog only: cheapest format below this.'),
    q: z
      .string()
      .trim()
      .min(minSearchLength)
      .max(maxSearchLength)
      .optional()
      .describe('Catalog only: part of the title or @username.'),
  })
  .refine((q) => q.currency !== undefined || (q.min_price ?? q.max_price) === undefined, {
    message: 'min_price and max_price need a currency',
    path: ['currency'],
  });

function catalogFilters(query: z.output<typeof listQuery>): CatalogFilters {
  return {
    category: query.category,
    language: query.language,
    subscribers: { min: query.min_subscribers, max: query.max_subscribers },
    price: query.currency
      ? { currency: query.currency, min: query.min_price, max: query.max_price }
      : undefined,
    search: query.q?.replace(/^@/, ''),
  };
}

const presentOwned = (c: ChannelSummary): z.output<typeof ownedChannel> => c;

function presentCatalog(c: CatalogEntry): z.output<typeof catalogChannel> {
  const { id, title, username, subscribers, category, language, currency } = c;
  return {
    id,
    title,
    username,
    subscribers,
    category,
    language,
    currency,
    cheapest_price: c.cheapestPrice,
  };
}

/** `GET /v1/channels` and `GET /v1/channels/{id}`: an owner's own channels, or the catalog. */
export function channelOperations(deps: { database: Database }): Operation[] {
  const list = defineOperation({
    operationId: 'listChannels',
    method: 'get',
    path: '/v1/channels',
    tag: 'Channels',
    summary: 'List channels',
    description:
      'Owner keys: the workspace’s channels (every status), oldest first; the catalog filters do not apply. Advertiser keys: the catalog — active channels with a schedule and a price — by subscribers, filtered as the bot’s catalog is.',
    query: listQuery,
    responses: { 200: { description: 'One page of channels.', schema: channelPage } },
    problems: ['invalid-cursor'],
    async handle(ctx, { query }) {
      const scope = apiKeyScopeOf(ctx);
      if (scope.kind === 'workspace') {
        const after = decodeCursor(query.cursor, ownedKey);
        const page = await pageWorkspaceChannels(deps.database, scope.workspaceId, {
          limit: query.limit,
          after,
        });
        return { body: pageBody(page, presentOwned) };
      }
      const after = decodeCursor(query.cursor, catalogKey);
      const page = await listCatalog(deps.database, catalogFilters(query), {
        limit: query.limit,
        after,
      });
      return { body: pageBody(page, presentCatalog) };
    },
  });
  const read = defineOperation({
    operationId: 'getChannel',
    method: 'get',
    path: '/v1/channels/{id}',
    tag: 'Channels',
    summary: 'Read one channel',
    description:
      'Owner keys: a channel of the workspace. Advertiser keys: a channel listed in the catalog. Anything else is not found.',
    params: z.object({ id: uuid.describe('The channel’s id.') }),
    responses: { 200: { description: 'The channel.', schema: channel } },
    problems: ['not-found'],
    async handle(ctx, { params }) {
      const scope = apiKeyScopeOf(ctx);
      const found =
        scope.kind === 'workspace'
          ? await findChannelSummary(deps.database, scope.workspaceId, params.id)
          : (await listCatalog(deps.database, {}, { limit: 1, channelId: params.id })).items.map(
              presentCatalog,
            )[0];
      if (!found) throw new ProblemError('not-found', 'No channel with this id for this key.');
      return { body: found };
    },
  });
  return [list, read];
}
