/** A Telegram update as the intake keeps it: its id and one payload field named by its kind. */
export interface IntakeUpdate {
  update_id: number;
}

type Loose = Record<string, unknown> | undefined;

const asRecord = (value: unknown): Loose =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;

const idOf = (value: unknown): number | undefined => {
  const id = asRecord(value)?.id;
  return typeof id === 'number' ? id : undefined;
};

/** The update's kind: its one field besides update_id (message, callback_query, …). */
export function updateKind(update: IntakeUpdate): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

/**
 * The key whose updates must be handled one after another, in update_id order: the chat the
 * update happens in, else the user who caused it (a private chat's id is its user's id, so a
 * pre-checkout query and the payment that follows share a key), else the update itself.
 */
export function orderKeyOf(update: IntakeUpdate): string {
  const body = asRecord((update as unknown as Record<string, unknown>)[updateKind(update)]);
  const chatId =
    idOf(body?.chat) ?? idOf(asRecord(body?.message)?.chat) ?? idOf(asRecord(body?.removed)?.chat);
  if (chatId !== undefined) return String(chatId);
  const userId = idOf(body?.from) ?? idOf(body?.user);
  if (userId !== undefined) return String(userId);
  return `update:${update.update_id}`;
}

/** The Stars charge an update carries (a successful_payment), for the log line written on intake. */
export function chargeOf(
  update: IntakeUpdate,
): { chargeId: string; amount: unknown; currency: unknown; payload: string } | undefined {
  const message = asRecord((update as { message?: unknown }).message);
  const payment = asRecord(message?.successful_payment);
  const chargeId = payment?.telegram_payment_charge_id;
  if (typeof chargeId !== 'string') return undefined;
  const payload = payment?.invoice_payload;
  return {
    chargeId,
    amount: payment?.total_amount,
    currency: payment?.currency,
    payload: typeof payload === 'string' ? payload.slice(0, 64) : '',
  };
}
