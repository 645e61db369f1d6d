import type { UploadedFile } from '../validation.js';
import type { BotState, World } from '../world.js';

/** What a Bot API method handler receives: validated params plus the caller's bot. */
export interface CallContext {
  world: World;
  bot: BotState;
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
  signal: AbortSignal;
}

/** Returns the `result` of the envelope, or throws a TelegramApiError. */
export type MethodHandler = (call: CallContext) => unknown;
