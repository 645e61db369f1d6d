import type { BotContext } from '../../context.js';

declare module '../../context.js' {
  interface SessionData {
    /** The catalog search typed last (its results page through `cat:l:<filters with s>:<page>`). */
    catalogSearch?: string;
  }
}

/** The search text kept for paging, when the update has a session (private chats). */
export function currentSearch(ctx: BotContext): string | undefined {
  return ctx.chat?.type === 'private' ? ctx.session.catalogSearch : undefined;
}
