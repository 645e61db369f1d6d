/** Paths of t.me that are not a chat's public username. */
const notChats = new Set([
  'joinchat',
  'addstickers',
  'addemoji',
  'addtheme',
  'addlist',
  'share',
  'iv',
  'proxy',
  'socks',
  'c',
  's',
  'boost',
  'login',
  'setlanguage',
  'confirmphone',
  'invoice',
  'giftcode',
  'contact',
  'm',
]);

/**
 * The public username a link opens as a chat (`https://t.me/coffee`, `telegram.me/coffee?x=1`),
 * when it could be a channel or group the ad promotes; undefined for anything else — other sites,
 * a post (`t.me/coffee/12`), an invite link (`t.me/+…`), a bot (usernames ending in «bot»), a
 * service path. Whether it is a chat where the bot may invite is for Telegram to answer.
 */
export function promotedUsername(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.toLowerCase();
  if (host !== 't.me' && host !== 'telegram.me' && host !== 'www.t.me') return undefined;
  const match = /^\/([A-Za-z][A-Za-z0-9_]{3,31})\/?$/.exec(parsed.pathname);
  const username = match?.[1];
  if (!username || notChats.has(username.toLowerCase())) return undefined;
  if (/bot$/i.test(username)) return undefined;
  return username;
}
