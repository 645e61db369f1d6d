import type { BotI18n } from '../../../i18n.js';
import { Composer, GrammyError, InlineKeyboard } from 'grammy';
import { formatUtc } from '../../../../format/dates.js';
import {
  resolveChannelRef,
  resolveOrderRef,
  resolveUserRef,
  type RefCode,
} from '../../../../models/admin/lookup-refs.js';
import {
  auditObjectKinds,
  auditTrail,
  type AuditObjectKind,
  type AuditPage,
  type AuditRow,
} from '../../../../models/audit/queries.js';
import { fail, ok, type Result } from '../../../../models/errors.js';
import type { Database } from '../../../../models/db.js';
import type { BotContext, BotDeps } from '../../../context.js';
import { escapeHtml } from '../../../../format/html.js';
import { refFailure } from './block.js';
import { opsAuditData } from '../../../../messages/callback-data/admin.js';
import { isUuid } from '../../../../models/uuid.js';
import { adminTranslator, splitArgs, type AdminT } from './ops-text.js';

/** Data keys worth a glance in one audit line (the rest stays in the database). */
const keyFields = ['from', 'to', 'reason', 'amount', 'currency', 'decision', 'admin', 'status'];

/** An object reference of any audit kind resolved to its id. */
async function resolveAuditRef(
  database: Database,
  kind: AuditObjectKind,
  ref: string,
): Promise<Result<string, RefCode>> {
  switch (kind) {
    case 'order':
      return resolveOrderRef(database, ref);
    case 'channel':
      return resolveChannelRef(database, ref);
    case 'user':
      return resolveUserRef(database, ref);
    case 'payout':
    case 'dispute':
      return isUuid(ref.trim()) ? ok(ref.trim().toLowerCase()) : fail('bad_ref');
  }
}

/** "2026-11-26 07:15 UTC · admin:42 · channel.blocked — reason: spam" (escaped). */
function auditLine(row: AuditRow): string {
  const data = keyFields
    .filter(
      (k) => row.data[k] !== undefined && row.data[k] !== null && typeof row.data[k] !== 'object',
    )
    .map((k) => `${k}: ${String(row.data[k]).slice(0, 80)}`)
    .join(', ');
  const what =
    row.objectType === 'order' || row.objectType === 'channel' || row.objectType === 'account'
      ? ''
      : `${row.objectType} `;
  return `<code>${formatUtc(row.at)}</code> · ${escapeHtml(row.actor)} · <b>${escapeHtml(what + row.action)}</b>${data ? ` — ${escapeHtml(data)}` : ''}`;
}

/** One page of the audit view with ◀︎ / ▶︎ buttons. */
export function renderAuditPage(
  t: AdminT,
  kind: AuditObjectKind,
  objectId: string,
  page: AuditPage,
): { text: string; keyboard: InlineKeyboard } {
  const header = t('admin-ops-audit-header', {
    kind,
    id: objectId,
    total: page.total,
    page: page.page + 1,
    pages: page.pages,
  });
  const body = page.rows.length ? page.rows.map(auditLine).join('\n') : t('admin-ops-audit-empty');
  const keyboard = new InlineKeyboard();
  if (page.page > 0)
    keyboard.text(
      t('admin-ops-button-newer'),
      opsAuditData.pack({ mode: 'page', kind, id: objectId, page: page.page - 1 }),
    );
  if (page.page + 1 < page.pages)
    keyboard.text(
      t('admin-ops-button-older'),
      opsAuditData.pack({ mode: 'page', kind, id: objectId, page: page.page + 1 }),
    );
  return { text: `${header}\n\n${body}`, keyboard };
}

/** `/audit <order|channel|user|payout|dispute> <id>` and its page buttons, in the admin chat. */
export function createAuditCommands(deps: BotDeps, i18n: BotI18n): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('audit', async (ctx) => {
    const t = await adminTranslator(deps, i18n);
    const { first, rest } = splitArgs(ctx.match);
    const kind = auditObjectKinds.find((k) => k === first.toLowerCase());
    const { first: ref } = splitArgs(rest);
    if (!kind || !ref) return ctx.reply(t('admin-ops-audit-usage'));
    const found = await resolveAuditRef(deps.database, kind, ref);
    if (!found.ok) return ctx.reply(refFailure(t, found.code, ref));
    const page = await auditTrail(deps.database, { kind, objectId: found.value, page: 0 });
    const view = renderAuditPage(t, kind, found.value, page);
    return ctx.reply(view.text, { reply_markup: view.keyboard });
  });
  composer.callbackQuery(opsAuditData.filter, async (ctx) => {
    const { mode, kind, id, page: pageNumber } = opsAuditData.parse(ctx.callbackQuery.data);
    const t = await adminTranslator(deps, i18n);
    const page = await auditTrail(deps.database, { kind, objectId: id, page: pageNumber });
    const view = renderAuditPage(t, kind, id, page);
    await ctx.answerCallbackQuery();
    // From a look-up answer: a new message; from the audit view itself: turn the page in place.
    if (mode === 'open') return ctx.reply(view.text, { reply_markup: view.keyboard });
    try {
      await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
    } catch (error) {
      if (!(error instanceof GrammyError) || !error.description.includes('not modified'))
        throw error;
    }
  });
  return composer;
}
