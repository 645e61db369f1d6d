import { createHash } from 'node:crypto';
import { uuidSource } from '../uuid.js';

const payloadPattern = new RegExp(`^order:(${uuidSource}):([0-9a-f]{12})$`);

export interface InvoiceContents {
  items: { slotId: string; format: string; price: number }[];
  total: number;
  currency: string;
  stars: number;
}

/** A short fingerprint of what is being paid: any change of items, prices or amount changes it. */
export function orderVersion(contents: InvoiceContents): string {
  const items = [...contents.items]
    .sort((a, b) => a.slotId.localeCompare(b.slotId))
    .map((i) => `${i.slotId}|${i.format}|${i.price}`);
  const text = [contents.currency, contents.total, contents.stars, ...items].join(';');
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The invoice payload `order:<orderId>:<version>` (≤ 128 bytes, as Telegram requires). */
export function invoicePayload(orderId: string, version: string): string {
  return `order:${orderId}:${version}`;
}

/** Reads an invoice payload; undefined when it is not one of ours. */
export function parseInvoicePayload(
  payload: string,
): { orderId: string; version: string } | undefined {
  const match = payloadPattern.exec(payload);
  return match ? { orderId: match[1]!, version: match[2]! } : undefined;
}
