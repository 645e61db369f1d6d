import { badRequest } from '../errors.js';
import type { MethodHandler } from './context.js';

const langKey = (params: Record<string, unknown>): string => {
  const lang = typeof params.language_code === 'string' ? params.language_code : '';
  if (lang !== '' && !/^[a-z]{2}$/.test(lang)) throw badRequest('LANG_CODE_INVALID');
  return lang;
};

/** setMy<Field>/getMy<Field> for a per-language text with a length limit. */
function profileText(field: string, max: number): Record<string, MethodHandler> {
  const name =
    field === 'name' ? 'Name' : field === 'description' ? 'Description' : 'ShortDescription';
  return {
    [`setMy${name}`]: ({ bot, params }) => {
      const value = typeof params[field] === 'string' ? (params[field] as string) : '';
      if ([...value].length > max) throw badRequest(`bot ${field.replace('_', ' ')} is too long`);
      const key = `${field}|${langKey(params)}`;
      if (value === '') bot.profile.delete(key);
      else bot.profile.set(key, value);
      return true;
    },
    [`getMy${name}`]: ({ bot, params }) => ({
      [field]: (bot.profile.get(`${field}|${langKey(params)}`) as string | undefined) ?? '',
    }),
  };
}

/** The bot's profile texts and default administrator rights. */
export const profileMethods: Record<string, MethodHandler> = {
  ...profileText('name', 64),
  ...profileText('description', 512),
  ...profileText('short_description', 120),
  setMyDefaultAdministratorRights: ({ bot, params }) => {
    const key = params.for_channels === true ? 'rights|channels' : 'rights|groups';
    bot.profile.set(key, params.rights ?? {});
    return true;
  },
  getMyDefaultAdministratorRights: ({ bot, params }) => {
    const key = params.for_channels === true ? 'rights|channels' : 'rights|groups';
    const base = { is_anonymous: false, can_manage_chat: false, can_delete_messages: false };
    return { ...base, ...(bot.profile.get(key) as object | undefined) };
  },
};
