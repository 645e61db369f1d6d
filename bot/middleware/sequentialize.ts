import { sequentialize } from '@grammyjs/runner';
import type { Context, MiddlewareFn } from 'grammy';

/** Constraint keys: updates of one chat, and of one user, are handled one after another. */
export function sequenceKeys(ctx: Context): string[] {
  const keys: string[] = [];
  if (ctx.chat) keys.push(`chat:${ctx.chat.id}`);
  if (ctx.from) keys.push(`user:${ctx.from.id}`);
  return keys;
}

/** sequentialize (@grammyjs/runner) by chat and user; must precede session and conversations. */
export function createSequentialize(): MiddlewareFn<Context> {
  return sequentialize(sequenceKeys);
}
