import { GrammyError, HttpError, type Api } from 'grammy';
import { linkTargets } from '../models/clicks/links.js';
import type { Creative } from '../models/creatives/content.js';
import type { Database } from '../models/db.js';
import { promotedUsername } from '../models/joins/invite-target.js';
import {
  inviteInPlaceOf,
  readPlacementInvite,
  storePlacementInvite,
  type PlacementInvite,
} from '../models/joins/invite-link.js';
import type { Logger } from '../models/logger.js';

/** The placement's invite link and the username of the chat it opens (links to it are swapped). */
export interface PostInvite extends PlacementInvite {
  username: string;
}

/** At most this many distinct chats of one post are asked about (each costs two API calls). */
const maxChatsTried = 3;

/** Telegram's limit for an invite link's name is 32 characters. */
export function inviteLinkName(placementId: string): string {
  return `LytSlot ad ${placementId.slice(0, 8)}`;
}

async function mayInvite(api: Api, chatId: number, botId: number): Promise<boolean> {
  const member = await api.getChatMember(chatId, botId);
  if (member.status === 'creator') return true;
  return member.status === 'administrator' && member.can_invite_users === true;
}

/**
 * The invite link of a post that promotes a channel or group: the first chat its links open
 * (`t.me/<username>`) where the bot is an admin that may invite gets a link of its own for this
 * placement (createChatInviteLink, named after it), kept on the placement before the post goes
 * out, so joins through it are attributed (models/joins/). A retried attempt reuses it. Anything
 * Telegram refuses — no such chat, a user or bot, the bot not an admin there — leaves the links as
 * the advertiser wrote them; this never stops a publication.
 */
export async function ensurePostInvite(
  deps: { database: Database; api: Api; logger: Logger; botId: () => Promise<number> },
  placementId: string,
  rendered: Creative,
): Promise<PostInvite | undefined> {
  const urls = linkTargets(rendered);
  const targets = urls.map((url) => promotedUsername(url)?.toLowerCase());
  const usernames = [...new Set(targets.filter((u): u is string => u !== undefined))];
  if (usernames.length === 0) return undefined;
  const stored = await readPlacementInvite(deps.database, placementId);
  if (stored) {
    for (const username of usernames) {
      const chat = await deps.api.getChat(`@${username}`).catch(() => undefined);
      if (chat?.id === stored.chatId) return { ...stored, username };
    }
    return undefined;
  }
  for (const username of usernames.slice(0, maxChatsTried)) {
    try {
      const chat = await deps.api.getChat(`@${username}`);
      if (chat.type === 'private') continue;
      if (!(await mayInvite(deps.api, chat.id, await deps.botId()))) continue;
      const made = await deps.api.createChatInviteLink(chat.id, {
        name: inviteLinkName(placementId),
      });
      const invite = { chatId: chat.id, link: made.invite_link };
      const kept = await storePlacementInvite(deps.database, {
        placementId,
        invite,
        retargets: urls.flatMap((url, linkIndex) =>
          targets[linkIndex] === username ? [{ linkIndex, url: inviteInPlaceOf(invite, url) }] : [],
        ),
      });
      return { ...kept, username };
    } catch (error) {
      if (!(error instanceof GrammyError) && !(error instanceof HttpError)) throw error;
      deps.logger.info(
        { username, err: error.message },
        'no invite link for a promoted chat: its links stay as written',
      );
    }
  }
  return undefined;
}
