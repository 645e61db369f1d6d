// The bot's command menu ("/" beside the input): what getMyCommands gives that chat and language.
import { api } from './api.js';
import { send } from './chat-actions.js';
import { byId, h, replace } from './dom.js';
import { showError } from './notify.js';
import { meUser, state } from './state.js';

/** Shows the bot's commands for the open private chat or group (hidden when there are none). */
export async function loadCommands() {
  const box = byId('commands');
  const ref = state.chat;
  box.hidden = true;
  if (!state.commandsSupported || ref.type === 'channel') return;
  const lang = meUser()?.language_code ?? '';
  const where = ref.type === 'private' ? `bot=${ref.botId}&user=${ref.id}` : `chat=${ref.id}`;
  let commands;
  try {
    commands = await api.get(`commands?${where}&language=${lang}`);
  } catch (error) {
    if (error.status === 404) state.commandsSupported = false;
    else showError(error);
    return;
  }
  if (state.chat !== ref || !Array.isArray(commands) || commands.length === 0) return;
  replace(
    byId('commands-list'),
    commands.map((c) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              byId('commands-list').hidden = true;
              byId('commands-toggle').setAttribute('aria-expanded', 'false');
              void send({ text: `/${c.command}` });
            },
          },
          h('strong', {}, `/${c.command}`),
          ` ${c.description}`,
        ),
      ),
    ),
  );
  box.hidden = false;
}
