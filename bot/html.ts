/** Options for messages whose text is HTML (every locale message is). */
export const html = { parse_mode: 'HTML' } as const;

/** Escapes user-provided text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
