import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db.js';
import { partnerEventTypes, type PartnerEventType } from './partner-events.js';
import { webhookEndpoints, type WebhookEndpointStatus } from './table.js';

/** Endpoints one workspace or account may have (enabled or not). */
export const maxWebhookEndpoints = 5;
/** A description, trimmed: at most this many characters on one line. */
export const maxEndpointDescriptionLength = 200;

/** An endpoint as its owner sees it: never its secrets. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  events: PartnerEventType[];
  status: WebhookEndpointStatus;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of a WebhookEndpointView (explicit, so a secret is never selected by accident). */
export const endpointViewColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  status: webhookEndpoints.status,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

/** A row of endpointViewColumns as a view (events narrowed to the known types). */
export function endpointView(row: Omit<WebhookEndpointView, 'events'> & { events: string[] }) {
  return { ...row, events: normalizeEvents(row.events) ?? [] } as WebhookEndpointView;
}

/** One endpoint of the owner (`ownedBy`), locked for update when asked. */
export async function findOwnedEndpoint(
  tx: DbOrTx,
  ownedBy: SQL,
  endpointId: string,
): Promise<WebhookEndpointView | undefined> {
  const [row] = await tx
    .select(endpointViewColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), ownedBy))
    .limit(1);
  return row ? endpointView(row) : undefined;
}

/** Subscribed types in the documented order, duplicates removed; undefined when empty or unknown. */
export function normalizeEvents(events: readonly string[]): PartnerEventType[] | undefined {
  if (events.length === 0) return undefined;
  if (!events.every((e) => (partnerEventTypes as readonly string[]).includes(e))) return undefined;
  return partnerEventTypes.filter((type) => events.includes(type));
}

/** The trimmed description when it has at most 200 characters and no control character. */
export function normalizeDescription(description: string): string | undefined {
  const trimmed = description.trim();
  if ([...trimmed].length > maxEndpointDescriptionLength || /\p{Cc}/u.test(trimmed))
    return undefined;
  return trimmed;
}
