// Visible feedback: error banner, toasts, and Telegram-style alerts (show_alert answers).
import { byId, h } from './dom.js';

const maxErrors = 4;

/** Shows an error from the control API (or anything else) until it is dismissed. */
export function showError(error) {
  const box = byId('errors');
  const text = error instanceof Error ? error.message : String(error);
  const where = error?.path ? ` (${error.path})` : '';
  const item = h(
    'div',
    { class: 'error' },
    h('span', {}, `⚠ ${text}${where}`),
    h(
      'button',
      { type: 'button', 'aria-label': 'Dismiss error', onclick: () => item.remove() },
      '×',
    ),
  );
  box.append(item);
  while (box.children.length > maxErrors) box.firstElementChild?.remove();
}

/** Runs `action`, showing its failure instead of throwing. Returns its result or undefined. */
export async function attempt(action) {
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  }
}

/** A short notification that disappears by itself. */
export function toast(text, kind = 'info') {
  const item = h('div', { class: `toast toast-${kind}` }, text);
  const box = byId('toasts');
  box.append(item);
  while (box.children.length > 3) box.firstElementChild?.remove();
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/** A modal alert, as Telegram shows answerCallbackQuery with show_alert. */
export function alertDialog(text, title = 'LytSlot Pro (sandbox)') {
  byId('alert-title').textContent = title;
  byId('alert-text').textContent = text;
  const dialog = byId('alert');
  if (!dialog.open) dialog.showModal();
}
