import { z } from 'zod';
import { bookOrderItemLimit } from '../../models/checkout/book-order.js';
import {
  buttonLimits,
  layoutButtons,
  validateButtonLabel,
  validateButtonUrl,
} from '../../models/creatives/buttons.js';
import type { Creative } from '../../models/creatives/content.js';
import { parseTelegramHtml } from '../../models/creatives/html.js';
import {
  parseErid,
  parseInn,
  parseMarkingName,
  type Marking,
} from '../../models/marking/marking.js';
import type { FieldError } from './problems.js';
import { uuid } from './schemas.js';

/** The body of `POST /v1/orders`. */
export const createOrderBody = z.object({
  items: z
    .array(
      z.object({
        channel_id: uuid,
        starts_at: z.iso
          .datetime({ offset: true })
          .describe('Start of a free slot (GET the channel’s availability), an ISO 8601 instant.'),
        format: z.string().min(1).max(16).describe('1/24, 2/48, 3/72, 1/0 or pin:<hours>.'),
      }),
    )
    .min(1)
    .max(bookOrderItemLimit)
    .describe('Slots of channels of one owner, priced in one currency (one order).'),
  creative: z.object({
    text: z
      .string()
      .min(1)
      .max(20_000)
      .describe(
        'The post in Telegram’s HTML subset: <b>, <i>, <u>, <s>, <a href>, <code>, <pre>, <blockquote>, <tg-spoiler>.',
      ),
    buttons: z
      .array(z.object({ text: z.string(), url: z.string() }))
      .max(buttonLimits.total)
      .optional()
      .describe('URL buttons under the post, two per row.'),
  }),
  marking: z
    .object({ name: z.string(), inn: z.string(), erid: z.string() })
    .optional()
    .describe('Ad marking (38-FZ): required when a channel of the order requires it.'),
  payment_method: z.enum(['stars', 'stripe', 'yookassa']),
});

export type CreateOrderBody = z.output<typeof createOrderBody>;

const issue = (path: (string | number)[], message: string): FieldError => ({
  code: 'custom',
  path: ['body', ...path],
  message,
});

/** The creative and marking of the body as the bot would store them, or what is wrong with them. */
export function readOrderContent(
  body: CreateOrderBody,
): { ok: true; creative: Creative; marking: Marking | null } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const parsed = parseTelegramHtml(body.creative.text);
  if (!parsed.ok) errors.push(issue(['creative', 'text'], parsed.code));
  else if (!parsed.value.text.trim()) errors.push(issue(['creative', 'text'], 'the post is empty'));
  const buttons = (body.creative.buttons ?? []).flatMap((button, i) => {
    const label = validateButtonLabel(button.text);
    const url = validateButtonUrl(button.url);
    if (!label.ok) errors.push(issue(['creative', 'buttons', i, 'text'], label.code));
    if (!url.ok) errors.push(issue(['creative', 'buttons', i, 'url'], url.code));
    return label.ok && url.ok ? [{ text: label.value, url: url.value }] : [];
  });
  let marking: Marking | null = null;
  if (body.marking) {
    const name = parseMarkingName(body.marking.name);
    const inn = parseInn(body.marking.inn);
    const erid = parseErid(body.marking.erid);
    if (!name.ok) errors.push(issue(['marking', 'name'], name.code));
    if (!inn.ok) errors.push(issue(['marking', 'inn'], inn.code));
    if (!erid.ok) errors.push(issue(['marking', 'erid'], erid.code));
    if (name.ok && inn.ok && erid.ok)
      marking = { name: name.value, inn: inn.value, erid: erid.value };
  }
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
  const { text, entities } = parsed.value;
  return {
    ok: true,
    creative: {
      content: { kind: 'text', text, ...(entities.length ? { entities } : {}) },
      buttons: layoutButtons(buttons),
    },
    marking,
  };
}
