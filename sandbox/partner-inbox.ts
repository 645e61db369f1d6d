import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../models/clock.js';
import { verifyWebhookSignature } from '../models/partner-webhooks/signature.js';

/** Whose webhooks an inbox collects: a sandbox user's account or the workspace they own. */
export type PartnerScope = 'account' | 'workspace';

/** A webhook endpoint the page registered: its inbox and the secret it was given, kept in memory. */
export interface InboxEndpoint {
  inboxId: string;
  endpointId: string;
  userId: number;
  scope: PartnerScope;
  /** The endpoint's signing secrets known here (the one returned at its creation). */
  secrets: string[];
}

/** One POST the inbox received, as the page shows it. */
export interface InboxDelivery {
  seq: number;
  receivedAt: string;
  endpointId: string;
  userId: number;
  scope: PartnerScope;
  eventId: string | null;
  eventType: string | null;
  orderId: string | null;
  /** One `v1=` of `LytSlot-Signature` matches a known secret and its `t=` is within 5 minutes. */
  verified: boolean;
  headers: Record<string, string>;
  body: string;
}

/** Deliveries kept (the newest); older ones are dropped. */
export const maxInboxDeliveries = 200;

/** Path of an inbox's receiver, on the emulator's own HTTP server. */
export const partnerInboxPath = '/sandbox/partner-inbox/';

function parsed(body: string): { type: string | null; orderId: string | null; id: string | null } {
  try {
    const value = JSON.parse(body) as {
      id?: unknown;
      type?: unknown;
      data?: { order_id?: unknown };
    };
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return { id: text(value.id), type: text(value.type), orderId: text(value.data?.order_id) };
  } catch {
    return { id: null, type: null, orderId: null };
  }
}

const headerText = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(', ') : value;

/**
 * The sandbox's stand-in for a partner's webhook receiver: endpoints registered by the page, and
 * every POST they receive checked with the partner's reference check (verifyWebhookSignature)
 * against the wall clock, as a partner's server would (deliveries carry it in `t`, also when the
 * sandbox's test clock runs ahead).
 */
export function createPartnerInbox(clock: Clock) {
  const endpoints = new Map<string, InboxEndpoint>();
  const deliveries: InboxDelivery[] = [];
  let seq = 0;
  return {
    /** Registers an endpoint's inbox; one per user and scope (an older one is dropped). */
    register(endpoint: InboxEndpoint): void {
      for (const [id, known] of endpoints)
        if (known.userId === endpoint.userId && known.scope === endpoint.scope)
          endpoints.delete(id);
      endpoints.set(endpoint.inboxId, endpoint);
    },
    /** The inbox of a user and scope, if the page registered one since the sandbox started. */
    endpointOf(userId: number, scope: PartnerScope): InboxEndpoint | undefined {
      return [...endpoints.values()].find((e) => e.userId === userId && e.scope === scope);
    },
    /** Stores a received POST with its verdict; undefined when no such inbox is registered. */
    receive(
      inboxId: string,
      headers: IncomingHttpHeaders,
      body: string,
    ): InboxDelivery | undefined {
      const endpoint = endpoints.get(inboxId);
      if (!endpoint) return undefined;
      const signature = headerText(headers['lytslot-signature']) ?? '';
      const nowSec = Math.floor((clock.now().getTime() - clock.offsetMs()) / 1000);
      const event = parsed(body);
      const delivery: InboxDelivery = {
        seq: ++seq,
        receivedAt: clock.now().toISOString(),
        endpointId: endpoint.endpointId,
        userId: endpoint.userId,
        scope: endpoint.scope,
        eventId: headerText(headers['lytslot-event-id']) ?? event.id,
        eventType: event.type,
        orderId: event.orderId,
        verified: endpoint.secrets.some((secret) =>
          verifyWebhookSignature(signature, body, secret, 300, nowSec),
        ),
        headers: Object.fromEntries(
          Object.entries(headers).flatMap(([k, v]) => {
            const text = headerText(v);
            return text === undefined ? [] : [[k, text]];
          }),
        ),
        body,
      };
      deliveries.push(delivery);
      if (deliveries.length > maxInboxDeliveries)
        deliveries.splice(0, deliveries.length - maxInboxDeliveries);
      return delivery;
    },
    /** Newest first; only a user's when `userId` is given. */
    list(userId?: number): InboxDelivery[] {
      return deliveries.filter((d) => userId === undefined || d.userId === userId).reverse();
    },
  };
}

export type PartnerInbox = ReturnType<typeof createPartnerInbox>;
