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

/**
 * Callback data of the webhooks screens (bot/features/api-keys/webhooks*.ts):
 * `whk:<action>:<owner>[:<endpoint id>]`.
 */
export const webhooksCallback = {
  /** whk:show:<w|a> — the list of endpoints (also the disabled endpoint notice's button). */
  show: callbackData('whk:show', { owner }),
  /** whk:new:<w|a> — starts the «Add an endpoint» conversation (asks the URL). */
  create: callbackData('whk:new', { owner }),
  /** whk:rot:<w|a>:<endpoint id> — rotates the secret and shows the new one once. */
  rotate: callbackData('whk:rot', { owner, endpointId: field.uuid }),
  /** whk:on:<w|a>:<endpoint id> — enables a disabled endpoint again. */
  enable: callbackData('whk:on', { owner, endpointId: field.uuid }),
  /** whk:del:<w|a>:<endpoint id> — asks to confirm deleting an endpoint. */
  remove: callbackData('whk:del', { owner, endpointId: field.uuid }),
  /** whk:dly:<w|a>:<endpoint id> — deletes the endpoint (the confirmation's «Yes»). */
  removeYes: callbackData('whk:dly', { owner, endpointId: field.uuid }),
} as const;
