import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../../models/clock.js';
import { saveCreativeVariant } from '../../../models/creatives/save-creative.js';
import type { Database } from '../../../models/db.js';
import { createLogger } from '../../../models/logger.js';
import { readFlags } from '../../../models/moderation/flags.js';
import { createModerationAdapter } from '../../../models/providers/moderation.js';
import { accounts, creatives } from '../../../models/schema.js';
import { startFakeModeration, type FakeModeration } from '../../../sandbox/fakes/moderation.js';
import { createTestDatabase } from '../../helpers/db.js';
import { makeTenant } from '../../factories/channels.js';
import { makeOrder } from '../../factories/orders.js';

const clock = createSystemClock();
let database: Database;
let fake: FakeModeration;
let advertiserId: string;
let bundleId: string;
let orderId: string;

beforeAll(async () => {
  [database, fake] = await Promise.all([
    createTestDatabase(),
    startFakeModeration({ flaggedWords: ['miracle pills'] }),
  ]);
  const tenant = await makeTenant(database, { title: 'Moderated channel' });
  advertiserId = await database.withSystem('test seed', async (tx) => {
    const [row] = await tx
      .insert(accounts)
      .values({ telegramId: 9_300_000 + Math.floor(Math.random() * 100_000) })
      .returning({ id: accounts.id });
    return row!.id;
  });
  ({ bundleId, orderId } = await makeOrder(database, {
    channels: [tenant.channelId].map((id) => ({ id, workspaceId: tenant.workspaceId })),
    advertiser: advertiserId,
    marking: null,
    creative: null,
  }));
});

afterAll(async () => {
  await fake?.close();
  await database?.close();
});

const stored = async () =>
  (
    await database.withSystem('test read', (tx) =>
      tx
        .select({ status: creatives.moderationStatus, flags: creatives.moderationFlags })
        .from(creatives)
        .where(eq(creatives.orderId, orderId)),
    )
  )[0]!;

describe('saving a creative runs the content check and stores its flags', () => {
  const ai = () =>
    createModerationAdapter({
      url: fake.url,
      apiKey: undefined,
      logger: createLogger({ level: 'silent' }),
    });

  it('a flagged creative is saved with its flags and waits for an admin', async () => {
    const saved = await saveCreativeVariant(
      database,
      {
        accountId: advertiserId,
        bundleId,
        variantIndex: 0,
        creative: {
          content: { kind: 'text', text: 'Miracle pills, order now' },
          buttons: [[{ text: 'Order', url: 'https://bit.ly/pills' }]],
        },
      },
      clock,
      ai(),
    );
    expect(saved.ok).toBe(true);
    const row = await stored();
    expect(row.status).toBe('pending');
    expect(readFlags(row.flags)).toEqual([
      { source: 'links', code: 'shortener', detail: 'https://bit.ly/pills' },
      { source: 'ai', code: 'ai_flagged', detail: 'illicit' },
    ]);
  });

  it('a clean replacement clears the flags', async () => {
    const saved = await saveCreativeVariant(
      database,
      {
        accountId: advertiserId,
        bundleId,
        variantIndex: 0,
        creative: {
          content: { kind: 'text', text: 'Fresh coffee, order now' },
          buttons: [[{ text: 'Order', url: 'https://coffee.example.com' }]],
        },
      },
      clock,
      ai(),
    );
    expect(saved.ok).toBe(true);
    const row = await stored();
    expect(row.status).toBe('not_required');
    expect(row.flags).toEqual([]);
  });
});
