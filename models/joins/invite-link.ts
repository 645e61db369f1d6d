import { and, eq, isNull } from 'drizzle-orm';
import { clickLinks } from '../clicks/table.js';
import type { Database } from '../db.js';
import { placements } from '../placements/table.js';

export interface PlacementInvite {
  chatId: number;
  link: string;
}

/** The invite link an earlier attempt made for the placement, if any. */
export async function readPlacementInvite(
  database: Database,
  placementId: string,
): Promise<PlacementInvite | undefined> {
  const [row] = await database.withSystem('publish: invite link', (tx) =>
    tx
      .select({ chatId: placements.inviteChatId, link: placements.inviteLink })
      .from(placements)
      .where(eq(placements.id, placementId)),
  );
  return row?.chatId != null && row.link ? { chatId: row.chatId, link: row.link } : undefined;
}

/**
 * Keeps the invite link made for the placement — unless an attempt racing this one kept its own
 * first, which is then returned and used — and points the placement's tracked links to that chat
 * at it, so `/r/<code>` leads through the invite link.
 */
export async function storePlacementInvite(
  database: Database,
  input: {
    placementId: string;
    invite: PlacementInvite;
    /** The tracked links that open the chat, each with the URL it now leads to. */
    retargets: { linkIndex: number; url: string }[];
  },
): Promise<PlacementInvite> {
  return database.withSystem('publish: invite link', async (tx) => {
    const [stored] = await tx
      .update(placements)
      .set({ inviteChatId: input.invite.chatId, inviteLink: input.invite.link })
      .where(and(eq(placements.id, input.placementId), isNull(placements.inviteLink)))
      .returning({ id: placements.id });
    if (!stored) {
      const [kept] = await tx
        .select({ chatId: placements.inviteChatId, link: placements.inviteLink })
        .from(placements)
        .where(eq(placements.id, input.placementId));
      return { chatId: kept!.chatId!, link: kept!.link! };
    }
    for (const { linkIndex, url } of input.retargets)
      await tx
        .update(clickLinks)
        .set({ targetUrl: url })
        .where(
          and(eq(clickLinks.placementId, input.placementId), eq(clickLinks.linkIndex, linkIndex)),
        );
    return input.invite;
  });
}

/**
 * The invite link in place of a link to its chat, keeping that link's query (the marking's
 * `erid=` stays on every link of an ad; Telegram ignores it when opening the invite).
 */
export function inviteInPlaceOf(invite: PlacementInvite, url: string): string {
  let search = '';
  try {
    search = new URL(url).search;
  } catch {
    // not a URL: nothing to keep
  }
  return `${invite.link}${search}`;
}
