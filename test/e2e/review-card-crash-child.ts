// A bot-side process for test/e2e/review-card-crash.test.ts: records a Stars payment as the
// successful_payment handler does (the order routed to review, its event committed with it), then
// is SIGKILLed at once — before anyone was told anything.
import { prepareInvoice } from '../../models/checkout/prepare-invoice.js';
import { recordStarsPayment } from '../../models/checkout/record-stars-payment.js';
import { orderReadiness } from '../../models/creatives/order-readiness.js';
import { openDatabase } from '../../models/db.js';
import { createLogger } from '../../models/logger.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} missing`);
  return value;
};
const logger = createLogger({ level: 'silent' });
const database = await openDatabase({ url: env('CARD_DATABASE_URL'), logger, poolSize: 2 });
const nowMs = Number(env('CARD_NOW_MS'));
const clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const accountId = env('CARD_ADVERTISER_ID');
const orderId = env('CARD_ORDER_ID');
const invoice = await prepareInvoice(
  database,
  { accountId, orderId, rates: { starsPerRub: 0.77, starsPerUsd: 77 }, readiness: orderReadiness },
  clock,
);
if (!invoice.ok) throw new Error(invoice.code);
const { payload, stars } = invoice.value;
const paid = await recordStarsPayment(
  database,
  { accountId, payload, chargeId: `ch-crash-${orderId}`, amount: stars, currency: 'XTR' },
  clock,
);
if (!paid.ok || paid.value.kind !== 'paid' || paid.value.status !== 'in_review')
  throw new Error(`not routed to review: ${JSON.stringify(paid)}`);
process.kill(process.pid, 'SIGKILL');
