// Tiny DOM helpers. Text always goes in as text nodes: nothing here ever parses HTML.

/** Creates an element; `on*` props become listeners, children may be nodes, strings or arrays. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends nodes and strings (as text) to `el`, flattening arrays and skipping empties. */
export function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export const byId = (id) => document.getElementById(id);

/** Only links a browser may safely open; anything else is shown as plain text. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'tg:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** HH:MM (UTC, like the clock in the header) of a Unix-seconds date. */
export const formatTime = (unix) => timeFormat.format(new Date(unix * 1000));
/** "Thu, 26 November 2026" (UTC) of a Unix-seconds date. */
export const formatDay = (unix) => dayFormat.format(new Date(unix * 1000));

/** "12 400" style numbers. */
export const formatCount = (n) => new Intl.NumberFormat('en-GB').format(n).replace(/,/g, ' ');
