import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { Clock } from '../clock.js';
import type { Database, Tx } from '../db.js';
import type { Flag } from '../moderation/flags.js';
import { fail, ok, type Result } from '../errors.js';
import { checkCreativeContent, type ModerationAdapter } from './check-content.js';
import { creatives, orders } from '../orders/table.js';
import { editableStatuses, loadCreativeBundle, variantLimit } from './bundle.js';
import type { Creative } from './content.js';
import { checkContentRules } from './content-rules.js';
import { checkCreativeLength } from './render.js';
import { ownWorkspaceAllows } from '../workspaces/plan-limits.js';

export type SaveCreativeCode =
  'not_found' | 'not_editable' | 'variant_limit' | 'variants_pro' | 'content_refused' | 'too_long';

/** Whether the account may give an ad more than one variant (an A/B test: Pro of its own workspace). */
export function variantsAllowed(database: Database, accountId: string, clock: Clock) {
  return database.withScope({ accountId }, (tx) =>
    ownWorkspaceAllows(tx, accountId, 'ab_tests', clock.now()),
  );
}

/**
 * Stores one variant of an order's creative (replacing it) with the content check's flags — a
 * flagged variant waits for an admin ('pending') — and audits it (caller's transaction).
 */
export async function writeCreativeVariant(
  tx: Tx,
  order: { id: string; workspaceId: string },
  input: { accountId: string; variantIndex: number; creative: Creative; flags: Flag[] },
  now: Date,
): Promise<void> {
  const { accountId, variantIndex, creative, flags } = input;
  const values = {
    content: creative.content as unknown as Record<string, unknown>,
    buttons: creative.buttons as unknown[],
    moderationFlags: flags as unknown[],
    moderationStatus: flags.length > 0 ? ('pending' as const) : ('not_required' as const),
  };
  await tx
    .insert(creatives)
    .values({
      orderId: order.id,
      workspaceId: order.workspaceId,
      advertiserAccountId: accountId,
      variantIndex,
      ...values,
    })
    .onConflictDoUpdate({
      target: [creatives.orderId, creatives.variantIndex, creatives.workspaceId],
      set: values,
    });
  await tx.update(orders).set({ updatedAt: now }).where(eq(orders.id, order.id));
  await recordAudit(tx, {
    actor: `account:${accountId}`,
    action: 'order.creative.save',
    objectType: 'order',
    objectId: order.id,
    data: {
      variantIndex,
      kind: creative.content.kind,
      ...(flags.length ? { flags: flags.map((flag) => flag.code) } : {}),
    },
    at: now,
    workspaceId: order.workspaceId,
  });
}

/**
 * Stores one variant (index 0..3, no gaps) of the bundle's creative on every draft/held order of
 * the bundle, replacing that variant if it exists. Refused when a channel's stop words or blocked
 * domains match ('content_refused', detail: channel, code, word|domain) or when the post with the
 * bundle's marking line is too long; a second variant or more (an A/B test) needs Pro
 * ('variants_pro'). The content check (models/moderation) runs before the write:
 * its flags are stored on the variant and a flagged variant waits for an admin ('pending').
 */
export async function saveCreativeVariant(
  database: Database,
  input: { accountId: string; bundleId: string; variantIndex: number; creative: Creative },
  clock: Clock,
  ai?: ModerationAdapter,
): Promise<Result<{ orderIds: string[] }, SaveCreativeCode>> {
  const { accountId, bundleId, variantIndex, creative } = input;
  const bundle = await loadCreativeBundle(database, { accountId, bundleId });
  if (!bundle.ok) return bundle;
  if (!Number.isInteger(variantIndex) || variantIndex < 0 || variantIndex >= variantLimit) {
    return fail('variant_limit', { max: variantLimit });
  }
  if (variantIndex > bundle.value.variants) return fail('variant_limit', { max: variantLimit });
  if (variantIndex > 0 && !(await variantsAllowed(database, accountId, clock)))
    return fail('variants_pro');
  for (const channel of bundle.value.channels) {
    const verdict = checkContentRules(creative, channel);
    if (!verdict.ok) {
      return fail('content_refused', {
        ...verdict.detail,
        code: verdict.code,
        channel: channel.title,
      });
    }
  }
  const length = checkCreativeLength(creative, bundle.value.marking);
  if (!length.ok) return length;
  const rules = {
    stopWords: bundle.value.channels.flatMap((channel) => channel.stopWords),
    blockedDomains: bundle.value.channels.flatMap((channel) => channel.blockedDomains),
  };
  const { flags } = await checkCreativeContent({ ...creative, rules }, ai);
  const now = clock.now();
  const orderIds = bundle.value.orders.map((order) => order.id);
  return database.withScope({ accountId }, async (tx) => {
    const open = await tx
      .select({ id: orders.id, workspaceId: orders.workspaceId })
      .from(orders)
      .where(and(inArray(orders.id, orderIds), inArray(orders.status, editableStatuses)))
      .for('update');
    if (open.length === 0) return fail('not_editable');
    for (const order of open) {
      await writeCreativeVariant(tx, order, { accountId, variantIndex, creative, flags }, now);
    }
    return ok({ orderIds: open.map((order) => order.id) });
  });
}
