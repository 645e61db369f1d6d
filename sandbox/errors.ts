/** A Bot API error answer, thrown by method handlers and turned into Telegram's envelope once. */
export class TelegramApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
    this.name = 'TelegramApiError';
  }
}

/** 400 "Bad Request: …". */
export function badRequest(text: string): TelegramApiError {
  return new TelegramApiError(400, `Bad Request: ${text}`);
}

/** 403 "Forbidden: …". */
export function forbidden(text: string): TelegramApiError {
  return new TelegramApiError(403, `Forbidden: ${text}`);
}

/** 429 with `parameters.retry_after`, as Telegram answers flood. */
export function tooManyRequests(retryAfter: number): TelegramApiError {
  return new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
    retry_after: retryAfter,
  });
}

/** 409 for competing getUpdates/webhook consumers. */
export function conflict(text: string): TelegramApiError {
  return new TelegramApiError(409, `Conflict: ${text}`);
}
