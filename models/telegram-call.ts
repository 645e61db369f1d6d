/** A Bot API call's outcome as plain values (the jobs edge adapts grammY's Api to this). */
export type TelegramCall<T> =
  { ok: true; value: T } | { ok: false; errorCode: number; description: string };
