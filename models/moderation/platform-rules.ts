/**
 * Platform-wide content rules, applied to every creative on top of each channel's own stop words
 * and blocked domains. Matches flag the creative for an admin; they never refuse it by themselves.
 */
export const platformStopWords: readonly string[] = [
  'casino',
  'казино',
  'betting',
  'ставки на спорт',
  'букмекер',
  'narcotics',
  'наркотики',
  'закладки',
  'fake documents',
  'поддельные документы',
  'купить диплом',
  'buy a diploma',
  'crypto doubling',
  'удвоение крипты',
];

/** Link shorteners: they hide where a reader ends up, so links through them go to an admin. */
export const urlShorteners: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'cutt.ly',
  'rebrand.ly',
  'shorturl.at',
  'clck.ru',
  'vk.cc',
  'tiny.cc',
  'rb.gy',
  'v.gd',
  'u.to',
  'qps.ru',
];
