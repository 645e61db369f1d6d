// Renders a message text with its MessageEntity list as DOM (offsets are UTF-16, like JS strings).
import { h, safeUrl } from './dom.js';

/**
 * `text` + `entities` → an array of nodes. Nested entities become nested elements; an entity that
 * crosses the end of the one it starts in is split at that end, so any overlap renders.
 */
export function renderEntities(text, entities = [], onCommand) {
  const list = entities
    .filter((e) => e.length > 0 && e.offset >= 0 && e.offset < text.length)
    .map((e) => ({ ...e, end: Math.min(e.offset + e.length, text.length) }));
  return renderRange(text, 0, text.length, list, onCommand);
}

const byPosition = (a, b) => a.offset - b.offset || b.end - a.end;

function renderRange(text, start, end, entities, onCommand) {
  const nodes = [];
  let pos = start;
  let rest = [...entities].sort(byPosition);
  while (rest.length > 0) {
    const [entity, ...others] = rest;
    if (entity.offset < pos) {
      rest = others;
      continue;
    }
    if (entity.offset > pos) nodes.push(text.slice(pos, entity.offset));
    const inner = [];
    const after = [];
    for (const other of others) {
      if (other.offset >= entity.end) after.push(other);
      else {
        inner.push({ ...other, end: Math.min(other.end, entity.end) });
        if (other.end > entity.end) after.push({ ...other, offset: entity.end });
      }
    }
    const slice = text.slice(entity.offset, entity.end);
    const children = renderRange(text, entity.offset, entity.end, inner, onCommand);
    nodes.push(element(entity, slice, children, onCommand));
    pos = entity.end;
    rest = after.sort(byPosition);
  }
  if (pos < end) nodes.push(text.slice(pos, end));
  return nodes;
}

function link(href, children, title) {
  const url = safeUrl(href);
  if (!url) return h('span', { class: 'link-unsafe', title: `Link not opened: ${href}` }, children);
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', title }, children);
}

function element(entity, slice, children, onCommand) {
  switch (entity.type) {
    case 'bold':
      return h('strong', {}, children);
    case 'italic':
      return h('em', {}, children);
    case 'underline':
      return h('u', {}, children);
    case 'strikethrough':
      return h('s', {}, children);
    case 'spoiler':
      return h(
        'span',
        {
          class: 'spoiler',
          title: 'Spoiler: click to reveal',
          onclick: (e) => e.currentTarget.classList.add('revealed'),
        },
        children,
      );
    case 'code':
      return h('code', {}, children);
    case 'pre':
      return h(
        'pre',
        { 'data-language': entity.language },
        h('code', { class: entity.language ? `language-${entity.language}` : undefined }, children),
      );
    case 'blockquote':
      return h('blockquote', {}, children);
    case 'expandable_blockquote':
      return h('blockquote', { class: 'expandable' }, children);
    case 'text_link':
      return link(entity.url, children, entity.url);
    case 'url':
      return link(/^[a-z][a-z0-9+.-]*:/i.test(slice) ? slice : `https://${slice}`, children);
    case 'email':
      return link(`mailto:${slice}`, children);
    case 'bot_command':
      return onCommand
        ? h(
            'button',
            {
              type: 'button',
              class: 'command',
              title: `Send ${slice}`,
              onclick: () => onCommand(slice),
            },
            children,
          )
        : h('span', { class: 'command' }, children);
    case 'mention':
    case 'text_mention':
    case 'hashtag':
    case 'cashtag':
    case 'phone_number':
      return h('span', { class: `entity-${entity.type.replace('_', '-')}` }, children);
    default:
      return h('span', {}, children);
  }
}
