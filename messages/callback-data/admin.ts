import { callbackData, field } from './codec.js';

const card = <const A extends string>(kind: string, ...actions: A[]) =>
  callbackData(`adm:${kind}`, { action: field.oneOf(...actions), id: field.uuid });

/** Buttons of the admin chat's cards: `adm:<kind>:<action>:<objectId>`. */
export const adminCardData = {
  channel: card('channel', 'ok', 'no'),
  creative: card('creative', 'ok', 'no'),
  placement: card('placement', 'pub', 'fail'),
  parked_update: card('parked_update', 'retry', 'dismiss'),
  dispute: card('dispute', 'full', 'part', 'none'),
  payout: card('payout', 'approve', 'paid', 'reject'),
};

/** The cards with plain Approve / Reject buttons (`adm:<kind>:ok|no:<id>`). */
export type ModeratedCardKind = 'channel' | 'creative';

const auditKinds = field.codes({ order: 'o', channel: 'c', user: 'u', payout: 'p', dispute: 'd' });

/**
 * The audit view of an object, `adm:ops:a|p:<kind>:<id>:<page>`: `open` sends it as a new message
 * (from a look-up answer), `page` turns a page of it in place.
 */
export const opsAuditData = callbackData('adm:ops', {
  mode: field.codes({ open: 'a', page: 'p' }),
  kind: auditKinds,
  id: field.uuid,
  page: field.int(4),
});

/** The buttons under look-up answers, `adm:ops:b|u|r:<c|u|o>:<id>` (block, unblock, refund). */
export const opsActionData = callbackData('adm:ops', {
  action: field.codes({ block: 'b', unblock: 'u', refund: 'r' }),
  kind: field.codes({ order: 'o', channel: 'c', user: 'u' }),
  id: field.uuid,
});

/** Whether callback data belongs to the admin chat (guarded). */
export function isAdminData(data: string | undefined): boolean {
  return data?.startsWith('adm:') === true;
}
