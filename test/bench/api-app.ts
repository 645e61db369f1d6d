import { Api } from 'grammy';
import { parseConfig } from '../../config.js';
import { createHttpApp } from '../../http/app.js';
import { createMetrics } from '../../http/metrics.js';
import { startHttpServer } from '../../http/server.js';
import { v1Routes } from '../../http/v1/router.js';
import { createI18n } from '../../messages/i18n.js';
import { createApiKey } from '../../models/api-keys/create-api-key.js';
import { createSystemClock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';
import { createPaymentProviders } from '../../models/providers/create-providers.js';
import { createEmulator } from '../../sandbox/emulator.js';
import { createSandboxWorld } from '../../sandbox/seed.js';
import { makeAccount } from '../factories/accounts.js';
import { everyDayAt, makeListedChannel } from '../factories/channels.js';
import { makeSlots } from '../factories/slots.js';
import { createTestDatabase } from '../helpers/db.js';

const hourMs = 3_600_000;

/** A free slot a POST /v1/orders books (each one once). */
export interface FreeSlot {
  channelId: string;
  startsAt: Date;
}

export interface ApiBenchApp {
  url: string;
  database: Database;
  /** One advertiser key per client. */
  keys: string[];
  /** Free slots interleaved across the channels, so parallel bookings rarely share a channel. */
  slots: FreeSlot[];
  close(): Promise<void>;
}

/**
 * The HTTP app with the partner API as main.ts mounts it (createHttpApp + v1Routes, Stars invoice
 * links from an in-process Bot API emulator) on PGlite or TEST_DATABASE_URL, on a free port;
 * `advertisers` keys and `channels` listed channels selling 1/24 for $10 with `slots` free hourly
 * slots between them, from two hours ahead.
 */
export async function startApiBenchApp(seed: {
  advertisers: number;
  channels: number;
  slots: number;
  log: (message: string) => void;
}): Promise<ApiBenchApp> {
  const emulator = createEmulator({
    onError: (error, where) => seed.log(`sandbox error in ${where}: ${String(error)}`),
  });
  const ids = createSandboxWorld(emulator);
  const { url: apiRoot } = await emulator.listen(0, '127.0.0.1');
  const database = await createTestDatabase();
  const stops = [() => database.close(), () => emulator.close()];
  const stop = async () => {
    for (const close of stops.splice(0).reverse()) await close();
  };
  try {
    const parsed = parseConfig({ BOT_TOKEN: ids.botToken, TELEGRAM_API_ROOT: apiRoot });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const config = parsed.value;
    const clock = createSystemClock();
    const logger = createLogger({ level: 'silent' });
    const routes = v1Routes({
      database,
      clock,
      logger,
      // Far above the load, so no answer is a 429.
      rateLimit: 1_000_000,
      orders: {
        telegram: new Api(ids.botToken, { apiRoot }),
        providers: createPaymentProviders(config),
        starsRates: { starsPerRub: config.starsPerRub, starsPerUsd: config.starsPerUsd },
        i18n: createI18n(),
        publicUrl: config.publicUrl,
      },
    });
    const app = createHttpApp({
      logger,
      metrics: createMetrics(),
      readiness: {},
      routers: [routes],
    });
    const server = await startHttpServer(app, '127.0.0.1', 0);
    stops.push(() => server.close());

    const keys: string[] = [];
    for (let i = 0; i < seed.advertisers; i++) {
      const account = await makeAccount(database, { language: 'en' });
      const created = await createApiKey(
        database,
        { owner: { accountId: account.id }, actorAccountId: account.id, name: 'bench' },
        clock,
      );
      if (!created.ok) throw new Error(`createApiKey: ${created.code}`);
      keys.push(created.value.key);
    }
    const perChannel = Math.ceil(seed.slots / seed.channels);
    const first = Math.ceil(clock.now().getTime() / hourMs) * hourMs + 2 * hourMs;
    const hours = Array.from({ length: perChannel }, (_, h) => new Date(first + h * hourMs));
    const byChannel: FreeSlot[][] = [];
    for (let c = 0; c < seed.channels; c++) {
      const channel = await makeListedChannel(database, {
        title: `Bench channel ${c + 1}`,
        subscribers: 1_000 + c,
        settings: {
          prices: { '1/24': 1_000 },
          currency: 'USD',
          timezone: 'UTC',
          schedule: everyDayAt(...Array.from({ length: 24 }, (_, h) => `${pad(h)}:00`)),
          leadTimeMinutes: 0,
          horizonDays: 30,
        },
      });
      await makeSlots(database, channel, hours);
      byChannel.push(hours.map((startsAt) => ({ channelId: channel.id, startsAt })));
    }
    const slots = hours.flatMap((_, h) => byChannel.map((list) => list[h]!));
    return {
      url: server.url,
      database,
      keys,
      slots: slots.slice(0, seed.slots),
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
