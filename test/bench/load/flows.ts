import type { ApiMessage } from '../../../sandbox/types.js';
import type { Flow } from './driver.js';

const ownerButton = '📢 I own channels';
const advertiserButton = '🎯 I advertise';
const backButton = '‹ Back';

/** True when the message's inline keyboard has a button labelled `label`. */
function hasButton(message: ApiMessage, label: string): boolean {
  return (message.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === label);
}

/**
 * The real bot's first contact, as in test/bot/flows.test.ts: /start (account and session rows),
 * the role menu (owner → back → advertiser: each an edit plus a callback answer), free text (the
 * fallback hint). Replies are recognised by their buttons (English labels), not by body copy.
 */
export const lytslotFlow: Flow = {
  name: 'lytslot',
  steps: [
    { send: '/start', expect: (m) => hasButton(m, ownerButton) },
    {
      press: ownerButton,
      expect: (m) => hasButton(m, backButton) && !hasButton(m, ownerButton),
    },
    { press: backButton, expect: (m) => hasButton(m, advertiserButton) },
    {
      press: advertiserButton,
      expect: (m) => hasButton(m, backButton) && !hasButton(m, advertiserButton),
    },
    { send: 'how much is a post?', expect: (m) => m.text?.includes('/help') === true },
  ],
};

/** The same number of updates for a bare echo bot: plain texts, each echoed back. */
export const echoFlow: Flow = {
  name: 'echo',
  steps: lytslotFlow.steps.map((_, i) => {
    const text = `echo ${i + 1}`;
    return { send: text, expect: (m) => m.text === text };
  }),
};
