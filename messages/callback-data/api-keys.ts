import { callbackData, field } from './codec.js';

/** Whose keys a button is about: the presser's own workspace or their advertiser account. */
const owner = field.codes({ workspace: 'w', account: 'a' });

/** Callback data of the API keys screens (bot/features/api-keys): `apk:<action>:<owner>[:<key id>]`. */
export const apiKeysCallback = {
  /** apk:home — asks whose keys (the /apikeys command's screen). */
  home: 'apk:home',
  /** apk:show:<w|a> — the list of keys. */
  show: callbackData('apk:show', { owner }),
  /** apk:new:<w|a> — starts the «Create a key» conversation. */
  create: callbackData('apk:new', { owner }),
  /** apk:rv:<w|a>:<key id> — asks to confirm revoking a key. */
  revoke: callbackData('apk:rv', { owner, keyId: field.uuid }),
  /** apk:rvy:<w|a>:<key id> — revokes the key (the confirmation's «Yes»). */
  revokeYes: callbackData('apk:rvy', { owner, keyId: field.uuid }),
} as const;

/** Whose keys: the presser's own workspace or advertiser account. */
export type ApiKeysOwnerKind = 'workspace' | 'account';
