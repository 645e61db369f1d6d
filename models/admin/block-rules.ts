/** The platform admin acting (ADMIN_TELEGRAM_IDS), as shown on cards and in the audit log. */
export interface AdminActor {
  telegramId: number;
  name: string;
}

/** Block reasons are shown to the people concerned: 3–500 characters. */
export const blockReasonLimits = { min: 3, max: 500 } as const;

export type BlockCode = 'not_found' | 'already_blocked' | 'reason_invalid';
export type UnblockCode = 'not_found' | 'not_blocked';

/** The audit actor of an admin: `admin:<telegram id>`. */
export const actorOf = (admin: AdminActor) => `admin:${admin.telegramId}`;

/** The reason trimmed, or undefined when it is outside the limits. */
export function normalizeBlockReason(reason: string): string | undefined {
  const trimmed = reason.trim().replace(/\s+/g, ' ');
  const { min, max } = blockReasonLimits;
  return trimmed.length >= min && trimmed.length <= max ? trimmed : undefined;
}
