/** Options for messages whose text is HTML (every locale message is). */
export const html = { parse_mode: 'HTML' } as const;

/** Escapes user-provided text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "Alex (@alex, 123456)" with user text escaped. */
export function personLabel(
  person: { name: string | null; username: string | null; telegramId: number } | undefined,
): string {
  if (!person) return '—';
  const name = escapeHtml(person.name ?? '—');
  const handle = person.username ? `@${escapeHtml(person.username)}, ` : '';
  return `${name} (${handle}<code>${person.telegramId}</code>)`;
}
