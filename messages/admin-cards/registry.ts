import type { Translate } from '../i18n.js';
import type { Api, InlineKeyboard } from 'grammy';
import type { AdminCard } from '../../models/admin/cards.js';
import type { AdminCardKind } from '../../models/admin/table.js';
import type { Clock } from '../../models/clock.js';
import type { Database } from '../../models/db.js';
import { renderChannelCard } from './channel.js';
import { renderCreativeCard } from './creative.js';
import { renderDisputeCard } from './dispute.js';
import { renderParkedUpdateCard } from './parked-update.js';
import { renderPayoutCard } from './payout.js';
import { renderPlacementCard } from './placement.js';
import { renderStarsChargeCard } from './stars-charge.js';

export interface AdminCardRenderInput {
  card: AdminCard;
  /** Translates into the admin chat's language (/adminlang). */
  t: Translate;
  /** That language's code ('ru' | 'en'), for dates and money. */
  locale: string;
  database: Database;
  clock: Clock;
}

export interface RenderedAdminCard {
  /** HTML text (user text escaped). The decision line is added by the poster when decided. */
  text: string;
  /** Buttons while the card is open (dropped once decided). */
  keyboard?: InlineKeyboard;
  /** Sent once, right after the card is first posted (as replies to it): previews, evidence. */
  attachments?: (api: Api, chatId: number, cardMessageId: number) => Promise<void>;
}

export type AdminCardRenderer = (input: AdminCardRenderInput) => Promise<RenderedAdminCard>;

/** One renderer per card kind. */
export const adminCardRenderers: Record<AdminCardKind, AdminCardRenderer> = {
  channel: renderChannelCard,
  creative: renderCreativeCard,
  placement: renderPlacementCard,
  payout: renderPayoutCard,
  dispute: renderDisputeCard,
  stars_charge: renderStarsChargeCard,
  parked_update: renderParkedUpdateCard,
};
