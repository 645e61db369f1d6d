/**
 * Callback data of buttons sent from outside the bot (notifications queued by jobs), shared with
 * the bot features that answer them (bot/features/orders/callback-data.ts parses these).
 */

/** The advertiser's answers to a late post: `ord:late-now|refund|times|back:<placementId>`. */
export const lateOfferData = (choice: 'now' | 'refund' | 'times' | 'back', placementId: string) =>
  `ord:late-${choice}:${placementId}`;

/** The owner's plan screen (bot/features/subscription/screen.ts). */
export const planScreenData = 'plan:show';
