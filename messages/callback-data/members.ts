import { callbackData, field } from './codec.js';

/** mem:rv:<accountId> — asks to confirm revoking a co-manager. */
export const revokeData = callbackData('mem:rv', { memberId: field.uuid });
/** mem:rvy:<accountId> — revokes the co-manager (the confirmation's «Yes»). */
export const revokeYesData = callbackData('mem:rvy', { memberId: field.uuid });
