import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { buttonsOf, seedOwnedChannel, sendEntryButton } from '../selling/setup.js';

// User text with HTML's reserved characters reaches every destination as typed: escaped once in
// messages (HTML), not at all in button labels and callback answers (plain text).
const name = 'A&B <x>';
const title = 'Tom & Jerry <News>';

let h: BotHarness;
let olga: TestUser;
let channelId: string;

beforeAll(async () => {
  h = await startBotHarness();
  olga = h.sandbox.user({ first_name: 'Olga', username: 'olga', language_code: 'en' });
  olga.send('/help');
  await olga.waitForMessage('LytSlot help');
  ({ channelId } = await seedOwnedChannel(h, olga, title));
});

afterAll(async () => {
  await h?.close();
});

const noEntities = (text: string | undefined) => expect(text).not.toMatch(/&(amp|lt|gt);/);

describe('names and titles with & < > in texts, buttons and alerts', () => {
  it('shows them verbatim everywhere, escaped neither twice nor never', async () => {
    await sendEntryButton(h, olga, 'Members', 'mem:open');
    await olga.click('Members');
    await olga.click('➕ Create an invite link');
    const invite = await olga.waitForMessage('One-time invite link');
    const payload = /start=(inv_[A-Za-z0-9_-]+)/.exec(invite.text ?? '')?.[1] ?? '';

    const manager = h.sandbox.user({ first_name: name, language_code: 'en' });
    manager.send(`/start ${payload}`);
    await manager.waitForMessage('You are now a manager');
    const joined = await olga.waitForMessage('joined your workspace as a manager');
    expect(joined.text).toBe(`👥 ${name} joined your workspace as a manager.`);

    // A message (HTML) with the channel title, as the manager reads it.
    await sendEntryButton(h, manager, 'Selling', `sell:open:${channelId}`);
    await manager.click('Selling');
    const settings = await manager.waitFor((m) => m.text?.includes('Selling settings') === true);
    expect(settings.text).toContain(`Selling settings — ${title}`);
    noEntities(settings.text);

    // The members list (HTML) and the revoke button (plain) name the manager as typed.
    await sendEntryButton(h, olga, 'Members', 'mem:open');
    await olga.click('Members');
    const list = await olga.waitFor((m) => m.text?.includes('— manager') === true);
    expect(list.text).toContain(`${name} — manager`);
    noEntities(list.text);
    expect(buttonsOf(list)).toContain(`✖ Revoke ${name}`);

    await olga.click(`✖ Revoke ${name}`);
    const confirm = await olga.waitFor((m) => m.text?.includes('Revoke the access of') === true);
    expect(confirm.text).toContain(`Revoke the access of ${name}?`);
    // The callback answer (plain text) names them as typed too.
    const answer = await olga.click('Yes, revoke');
    expect(answer.text).toBe(`Access of ${name} revoked`);
    const notice = await manager.waitForMessage('has revoked your manager access');
    expect(notice.text).toBe('Olga has revoked your manager access to their channels.');
  });
});
