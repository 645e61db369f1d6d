import { eq } from 'drizzle-orm';
import type { BotDeps } from '../../../bot/context.js';
import { createBot } from '../../../bot/index.js';
import { startBot, type RunningBot } from '../../../bot/runner.js';
import { parseConfig } from '../../../config.js';
import { createJobs, type Jobs } from '../../../jobs/index.js';
import { setPreModeration } from '../../../models/moderation/moderation-policy.js';
import { createTestClock, type TestClock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { balanceOf } from '../../../models/ledger/queries.js';
import { createLogger } from '../../../models/logger.js';
import { createPaymentProviders } from '../../../models/providers/create-providers.js';
import { orders, payments, slots } from '../../../models/schema.js';
import type { PaymentSuccess } from '../../../sandbox/actions/payments.js';
import { enqueueUpdate } from '../../../sandbox/updates.js';
import { createTestDatabase } from '../../helpers/db.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { makeAccount } from '../../factories/accounts.js';
import { makeOrder, type MadeOrder } from '../../factories/orders.js';
import type { ChannelSettings } from '../../../models/channels/settings.js';
import { testOutbound } from '../../helpers/outbound.js';

/** The real bot on a test clock (shared by bot, emulator and, when asked, the jobs). */
export interface CheckoutWorld {
  sandbox: Sandbox;
  database: Database;
  clock: TestClock;
  deps: BotDeps;
  jobs: Jobs | undefined;
  close(): Promise<void>;
}

export async function startCheckoutWorld(
  options: {
    jobs?: boolean;
    env?: Record<string, string | undefined>;
    /** Pre-moderation on, with the sandbox's admin chat and admin (docs/admin.md); off by default. */
    moderation?: boolean;
    /** The sandbox's admin chat and admin configured (implied by `moderation`), pre-moderation off. */
    adminChat?: boolean;
    /** The emulator accepts URL buttons to 127.0.0.1, as the sandbox page does: the fakes' payment pages. */
    allowLocalLinks?: boolean;
  } = {},
): Promise<CheckoutWorld> {
  const database = await createTestDatabase();
  const clock = createTestClock(0);
  const sandbox = await startSandbox({ clock, allowLocalLinks: options.allowLocalLinks ?? false });
  const parsed = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.apiRoot,
    DATABASE_URL: database.url,
    TEST_CLOCK: 'on',
    ...(options.moderation || options.adminChat
      ? {
          ADMIN_CHAT_ID: String(sandbox.ids.adminChatId),
          ADMIN_TELEGRAM_IDS: String(sandbox.ids.adminId),
        }
      : {}),
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  if (options.moderation) {
    await setPreModeration(database, { enabled: true, actor: 'system:test', at: clock.now() });
  }
  const logger = createLogger({ level: 'silent' });
  const deps: BotDeps = {
    config: parsed.value,
    database,
    logger,
    clock,
    providers: createPaymentProviders(parsed.value),
    outbound: testOutbound(parsed.value, { logger }),
  };
  const running: RunningBot = await startBot(createBot(deps), deps, { pollTimeoutSeconds: 1 });
  const jobs = options.jobs ? createJobs(deps) : undefined;
  await jobs?.start();
  return {
    sandbox,
    database,
    clock,
    deps,
    jobs,
    async close() {
      await jobs?.stop();
      await running.stop();
      await sandbox.close();
      await database.close();
    },
  };
}

/** An advertiser (a new sandbox user with an account) and an owner, with a held order to pay. */
export async function seedPeople(
  world: CheckoutWorld,
  settings: Partial<ChannelSettings> = {},
): Promise<{ advertiser: TestUser; owner: TestUser; order: MadeOrder }> {
  const advertiser = world.sandbox.user({ first_name: 'Alex' });
  const owner = world.sandbox.user({ first_name: 'Olga' });
  const advertiserAccount = await makeAccount(world.database, {
    telegramId: advertiser.id,
    language: 'en',
    timezone: 'Asia/Dubai',
    firstName: 'Alex',
  });
  // An owner who has not talked to the bot yet.
  const ownerAccount = await makeAccount(world.database, {
    telegramId: owner.id,
    language: 'en',
    firstName: 'Owner',
  });
  const order = await makeOrder(world.database, {
    advertiser: advertiserAccount.id,
    at: world.clock.now(),
    items: 2,
    channelOverrides: {
      owner: ownerAccount.id,
      title: 'Seller channel',
      settings: { timezone: 'Europe/Moscow', ...settings },
    },
  });
  // Telegram lets a bot write only to people who started it.
  owner.send('/start');
  await owner.waitForMessage();
  return { advertiser, owner, order };
}

/** What the database says about the order (system read, for assertions). */
export function readOrderState(world: CheckoutWorld, order: MadeOrder) {
  return world.database
    .withSystem('test read', async (tx) => {
      const [row] = await tx.select().from(orders).where(eq(orders.id, order.orderId));
      const slotRows = await tx.select().from(slots).where(eq(slots.channelId, order.channelId));
      const pays = await tx.select().from(payments).where(eq(payments.orderId, order.orderId));
      return { order: row!, slots: slotRows, payments: pays };
    })
    .then(async (state) => ({
      ...state,
      // The order's workspace alone: escrow is one account shared by every workspace.
      escrow: await world.database.withScope({ workspaceId: order.workspaceId }, (tx) =>
        balanceOf(tx, 'escrow', 'XTR'),
      ),
    }));
}

/** The advertiser opens My orders, the order card, and presses «Pay»: the Stars invoice arrives. */
export async function openInvoice(advertiser: TestUser): Promise<void> {
  advertiser.send('/orders');
  await advertiser.waitForMessage(/My orders/);
  await advertiser.click(/held, not paid/);
  await advertiser.waitFor((m) => (m.text ?? '').includes('Status:'));
  await advertiser.click('💳 Pay');
  await advertiser.waitFor((m) => m.invoice !== undefined, { what: 'an invoice' });
}

/**
 * Telegram delivers the payer a successful_payment whose payload is none of ours (shaped like
 * their real one, `paid`); the emulator knows the charge, so the bot can refund it.
 */
export function deliverStrayPayment(
  world: CheckoutWorld,
  payer: TestUser,
  paid: PaymentSuccess,
  stray: { chargeId: string; amount: number; payload: string },
): void {
  const emulated = world.sandbox.emulator.world;
  emulated.charges.set(stray.chargeId, {
    chargeId: stray.chargeId,
    botId: world.sandbox.bot.id,
    userId: payer.id,
    amount: stray.amount,
    currency: 'XTR',
    payload: stray.payload,
    refunded: false,
  });
  const real = paid.message.message as unknown as {
    message_id: number;
    successful_payment: Record<string, unknown>;
  };
  enqueueUpdate(emulated.bots.get(world.sandbox.bot.id)!.updates, 'message', {
    ...real,
    message_id: real.message_id + 1000,
    successful_payment: {
      ...real.successful_payment,
      total_amount: stray.amount,
      invoice_payload: stray.payload,
      telegram_payment_charge_id: stray.chargeId,
    },
  });
}
