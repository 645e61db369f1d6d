import { spawn, type ChildProcess } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ensureAccount } from '../../../models/accounts/ensure-account.js';
import { prepareInvoice } from '../../../models/checkout/prepare-invoice.js';
import { createSystemClock } from '../../../models/clock.js';
import { orderReadiness } from '../../../models/creatives/order-readiness.js';
import type { Database } from '../../../models/db.js';
import { ledgerEntries, payments } from '../../../models/schema.js';
import { testStarsRates } from '../../helpers/pay-order.js';
import { callBotApi, type Sandbox } from '../../helpers/sandbox.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { makeOrder } from '../../factories/orders.js';
import { bundledScript } from '../../helpers/child-process.js';

const child = new URL('./crash-child.ts', import.meta.url);
const clock = createSystemClock();

/** An advertiser with a held order and a Stars invoice link for it. */
export interface PendingPayment {
  user: TestUser;
  orderId: string;
  link: string;
}

/** N advertisers, each with a held one-slot order and an invoice link the bot made for it. */
export async function preparePayments(
  database: Database,
  sandbox: Sandbox,
  count: number,
): Promise<PendingPayment[]> {
  const prepared: PendingPayment[] = [];
  for (let i = 0; i < count; i++) {
    const user = sandbox.user({ first_name: `Payer ${i}` });
    const account = await database.withSystem('test seed: payer', (tx) =>
      ensureAccount(
        tx,
        {
          telegramId: user.id,
          username: undefined,
          firstName: user.user.first_name,
          language: 'en',
        },
        clock,
      ),
    );
    const order = await makeOrder(database, { advertiser: account.id, at: clock.now() });
    const invoice = await prepareInvoice(
      database,
      {
        accountId: account.id,
        orderId: order.orderId,
        rates: testStarsRates,
        readiness: orderReadiness,
      },
      clock,
    );
    if (!invoice.ok) throw new Error(invoice.code);
    const link = await callBotApi(sandbox, 'createInvoiceLink', {
      title: 'Ad slot',
      description: 'One slot',
      payload: invoice.value.payload,
      currency: 'XTR',
      prices: [{ label: 'Slot', amount: invoice.value.stars }],
    });
    if (!link.ok) throw new Error(link.description);
    prepared.push({ user, orderId: order.orderId, link: link.result as string });
  }
  return prepared;
}

/** Pays; true when Telegram charged the user (the bot approved the pre-checkout in time). */
export async function pay(sandbox: Sandbox, payment: PendingPayment): Promise<boolean> {
  const result = await sandbox.emulator.payInvoice(payment.user.id, { link: payment.link });
  return result.ok;
}

/** Pays, and tries again like a person would while the bot does not approve it in time. */
export async function payUntilCharged(
  sandbox: Sandbox,
  payment: PendingPayment,
  tries = 5,
): Promise<boolean> {
  for (let i = 0; i < tries; i++) if (await pay(sandbox, payment)) return true;
  return false;
}

export interface BotProcess {
  proc: ChildProcess;
  /** Whether the test killed it (otherwise a SIGKILL came from its own fault point). */
  killedByTest: boolean;
  /** Resolves when the process has ended (by a fault, a kill or SIGTERM). */
  exited: Promise<void>;
}

/**
 * Starts the bot in a child process; resolves once it polls (or its fault point killed it on the
 * way). A bot that exits by itself before it polls cannot start at all: that fails at once rather
 * than leaving every payment unpaid until the test's timeout.
 */
export async function startBotProcess(env: {
  databaseUrl: string;
  sandbox: Sandbox;
  fault?: string;
  faultAt?: number;
}): Promise<BotProcess> {
  const proc = spawn(process.execPath, [await bundledScript(child)], {
    env: {
      ...process.env,
      CRASH_DATABASE_URL: env.databaseUrl,
      CRASH_BOT_TOKEN: env.sandbox.token,
      CRASH_API_ROOT: env.sandbox.apiRoot,
      CRASH_FAULT: env.fault ?? 'none',
      CRASH_FAULT_AT: String(env.faultAt ?? 1),
      CRASH_LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  if (process.env.CRASH_LOG_LEVEL) proc.stdout?.on('data', (d: Buffer) => process.stderr.write(d));
  await Promise.race([
    new Promise<void>((resolve) =>
      proc.stdout?.on('data', (d: Buffer) => d.includes('ready') && resolve()),
    ),
    exited,
  ]);
  if (proc.exitCode !== null)
    throw new Error(`the bot process exited with code ${proc.exitCode} before it polled`);
  return { proc, exited, killedByTest: false };
}

/** Whether the process killed itself at its fault point. */
export function diedAtFault(bot: BotProcess): boolean {
  return bot.proc.signalCode === 'SIGKILL' && !bot.killedByTest;
}

/** Kills the process (if alive) and waits for it to end. */
export async function kill(bot: BotProcess): Promise<void> {
  if (bot.proc.exitCode === null && bot.proc.signalCode === null) {
    bot.killedByTest = true;
    bot.proc.kill('SIGKILL');
  }
  await bot.exited;
}

/** Waits until check() holds, polling; fails with what() after timeoutMs. */
export async function eventually(
  check: () => Promise<boolean>,
  what: () => Promise<string>,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not reached within ${timeoutMs} ms: ${await what()}`);
}

/** Every charge the emulator made is recorded as a payment once, or refunded; never neither. */
export async function chargesSettled(database: Database, sandbox: Sandbox): Promise<string[]> {
  const charges = [...sandbox.emulator.world.charges.values()];
  const rows = await database.withSystem('test read: payments', (tx) =>
    tx
      .select({ charge: payments.providerPaymentId, count: sql<number>`count(*)::int` })
      .from(payments)
      .where(eq(payments.provider, 'stars'))
      .groupBy(payments.providerPaymentId),
  );
  const recorded = new Map(rows.map((r) => [r.charge, r.count]));
  return charges.filter((c) => !c.refunded && !recorded.has(c.chargeId)).map((c) => c.chargeId);
}

/** Waits until every charge is recorded or refunded (chargesSettled is empty); names them if not. */
export async function everyChargeSettled(
  database: Database,
  sandbox: Sandbox,
  timeoutMs: number,
): Promise<void> {
  await eventually(
    async () => (await chargesSettled(database, sandbox)).length === 0,
    async () =>
      `charges neither recorded nor refunded: ${(await chargesSettled(database, sandbox)).join(', ')}`,
    timeoutMs,
  );
}

/** Pays again, until charged, each payment whose first try was not (`charged[i]` false). */
export async function payTurnedAway(
  sandbox: Sandbox,
  batch: PendingPayment[],
  charged: boolean[],
): Promise<boolean> {
  const retried = await Promise.all(
    batch.filter((_, i) => !charged[i]).map((p) => payUntilCharged(sandbox, p)),
  );
  return retried.every(Boolean);
}

/** No payment recorded twice, and the ledger balances to zero per currency. */
export async function expectMoneyConsistent(database: Database): Promise<void> {
  const doubles = await database.withSystem('test read: doubles', (tx) =>
    tx
      .select({ charge: payments.providerPaymentId })
      .from(payments)
      .groupBy(payments.provider, payments.providerPaymentId)
      .having(sql`count(*) > 1`),
  );
  expect(doubles).toEqual([]);
  const balance = await database.withSystem('test read: ledger', (tx) =>
    tx
      .select({ currency: ledgerEntries.currency, sum: sql<string>`sum(${ledgerEntries.amount})` })
      .from(ledgerEntries)
      .groupBy(ledgerEntries.currency),
  );
  for (const row of balance) expect(Number(row.sum)).toBe(0);
}
