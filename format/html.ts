/** Escapes user-provided text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * HTML we built ourselves (user text inside it already escaped), passed to a translation as is.
 * Structurally a Fluent value (value, valueOf, toString), so it also type-checks as one; the
 * translate step unwraps it before Fluent sees it.
 */
export class TrustedHtml {
  constructor(readonly value: string) {}
  valueOf(): string {
    return this.value;
  }
  toString(): string {
    return this.value;
  }
}

/** Marks HTML as safe to pass to a translation without escaping (a nested text, built lines). */
export const trustedHtml = (html: string): TrustedHtml => new TrustedHtml(html);

/** "Alex (@alex, 123456)" with user text escaped. */
export function personLabel(
  person: { name: string | null; username: string | null; telegramId: number } | undefined,
): TrustedHtml {
  if (!person) return trustedHtml('—');
  const name = escapeHtml(person.name ?? '—');
  const handle = person.username ? `@${escapeHtml(person.username)}, ` : '';
  return trustedHtml(`${name} (${handle}<code>${person.telegramId}</code>)`);
}
