import { randomBytes } from 'node:crypto';
import type { Creative, CreativeContent, Entity } from '../creatives/content.js';

/** A fresh click code: 12 random bytes as base64url (16 URL-safe chars, 96 bits, unguessable). */
export function newClickCode(): string {
  return randomBytes(12).toString('base64url');
}

/** The visible URL of a bare `url` entity as a link (Telegram assumes http:// when none). */
function visibleUrl(body: string, entity: Entity): string {
  const visible = body.slice(entity.offset, entity.offset + entity.length);
  return /^[a-z][a-z0-9+.-]*:/i.test(visible) ? visible : `http://${visible}`;
}

function bodyAndEntities(content: CreativeContent): { body: string; entities: Entity[] } {
  if (content.kind === 'text') return { body: content.text, entities: content.entities ?? [] };
  return { body: content.caption ?? '', entities: content.caption_entities ?? [] };
}

function isLink(entity: Entity): boolean {
  return (entity.type === 'text_link' && typeof entity.url === 'string') || entity.type === 'url';
}

/**
 * The links of a rendered creative in a fixed order — the text's url/text_link entities first
 * (in entity order), then the buttons row by row. The position is the link index of a click code.
 */
export function linkTargets(rendered: Creative): string[] {
  const { body, entities } = bodyAndEntities(rendered.content);
  const fromText = entities
    .filter(isLink)
    .map((e) => (e.type === 'url' ? visibleUrl(body, e) : e.url!));
  return [...fromText, ...rendered.buttons.flat().map((button) => button.url)];
}

/**
 * The rendered creative with every link replaced by `codeFor(index, originalUrl)` (same order as
 * linkTargets): a text_link keeps its type with the new url, a bare `url` entity becomes a
 * text_link over the same visible text (text and offsets unchanged), buttons keep their labels.
 */
export function rewriteLinks(
  rendered: Creative,
  codeFor: (index: number, url: string) => string,
): Creative {
  let index = 0;
  const next = (url: string) => codeFor(index++, url);
  const { body, entities } = bodyAndEntities(rendered.content);
  const rewritten = entities.map((entity): Entity => {
    if (entity.type === 'text_link' && typeof entity.url === 'string') {
      return { ...entity, url: next(entity.url) };
    }
    if (entity.type === 'url') {
      return {
        type: 'text_link',
        offset: entity.offset,
        length: entity.length,
        url: next(visibleUrl(body, entity)),
      };
    }
    return entity;
  });
  const content: CreativeContent =
    rendered.content.kind === 'text'
      ? { ...rendered.content, ...(entities.length ? { entities: rewritten } : {}) }
      : { ...rendered.content, ...(entities.length ? { caption_entities: rewritten } : {}) };
  const buttons = rendered.buttons.map((row) =>
    row.map((button) => ({ ...button, url: next(button.url) })),
  );
  return { content, buttons };
}
