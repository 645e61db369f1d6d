import { fail, ok, type Result } from '../errors.js';
import { addEridToUrl, markingLine, type Marking } from '../marking/marking.js';
import {
  bodyOf,
  lengthLimitOf,
  type Creative,
  type CreativeContent,
  type Entity,
} from './content.js';

/** The visible URL of a `url` entity as a link (Telegram assumes http:// when none is written). */
function entityUrl(body: string, entity: Entity): string {
  const visible = body.slice(entity.offset, entity.offset + entity.length);
  return /^[a-z][a-z0-9+.-]*:/i.test(visible) ? visible : `http://${visible}`;
}

/**
 * Links with erid: a text_link gets erid= in its url; a bare `url` entity becomes a text_link over
 * the same visible text (offsets unchanged) pointing at the URL with erid=.
 */
function markEntities(body: string, entities: Entity[], erid: string): Entity[] {
  return entities.map((entity) => {
    if (entity.type === 'text_link' && typeof entity.url === 'string') {
      return { ...entity, url: addEridToUrl(entity.url, erid) };
    }
    if (entity.type === 'url') {
      return {
        type: 'text_link',
        offset: entity.offset,
        length: entity.length,
        url: addEridToUrl(entityUrl(body, entity), erid),
      };
    }
    return entity;
  });
}

function withBody(content: CreativeContent, body: string, entities: Entity[]): CreativeContent {
  const entityField = entities.length ? entities : undefined;
  if (content.kind === 'text') {
    return { kind: 'text', text: body, ...(entityField ? { entities: entityField } : {}) };
  }
  const { caption: _c, caption_entities: _e, ...rest } = content;
  return {
    ...rest,
    ...(body ? { caption: body } : {}),
    ...(entityField ? { caption_entities: entityField } : {}),
  } as CreativeContent;
}

/**
 * The post as it will be published (pure): without marking, the creative unchanged; with marking,
 * the marking line appended after a blank line (plain text; existing entity offsets stay valid as
 * the text only grows at the end) and erid= on every text link, bare URL and URL button.
 */
export function renderCreative(creative: Creative, marking: Marking | null): Creative {
  if (!marking) return creative;
  const { body, entities } = bodyOf(creative.content);
  const line = markingLine(marking);
  const marked = body ? `${body}\n\n${line}` : line;
  return {
    content: withBody(creative.content, marked, markEntities(body, entities, marking.erid)),
    buttons: creative.buttons.map((row) =>
      row.map((button) => ({ text: button.text, url: addEridToUrl(button.url, marking.erid) })),
    ),
  };
}

/**
 * The final length check, after the marking line: text ≤ 4096, caption ≤ 1024 UTF-16 code units.
 * 'too_long' carries the length, the limit and how many characters to cut.
 */
export function checkCreativeLength(
  creative: Creative,
  marking: Marking | null,
): Result<void, 'too_long'> {
  const rendered = renderCreative(creative, marking);
  const length = bodyOf(rendered.content).body.length;
  const max = lengthLimitOf(rendered.content);
  if (length <= max) return ok(undefined);
  return fail('too_long', { length, max, over: length - max });
}
