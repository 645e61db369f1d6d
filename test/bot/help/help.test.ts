import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommands, localizedCommands } from '../../../bot/commands.js';
import { createI18n } from '../../../bot/i18n.js';
import { type BotHarness, startBotHarness } from '../harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h?.close();
});

const i18n = createI18n();
const lines = (locale: string, list: typeof localizedCommands) =>
  list((key) => i18n.t(locale, key)).map((c) => `/${c.command} — ${c.description}`);

describe('/help', () => {
  it('lists every command of an owner and advertiser, in their language, and no admin ones', async () => {
    const ann = h.sandbox.user({ first_name: 'Ann', language_code: 'en' });
    ann.send('/help');
    const help = await ann.waitForMessage('LytSlot help');
    for (const line of lines('en', localizedCommands)) expect(help.text).toContain(line);
    expect(help.text).toContain('/plan — Your plan and Pro subscription');
    expect(help.text).not.toContain('Admin chat');

    const ivan = h.sandbox.user({ first_name: 'Иван', language_code: 'ru' });
    ivan.send('/help');
    const ru = await ivan.waitForMessage('Помощь LytSlot');
    for (const line of lines('ru', localizedCommands)) expect(ru.text).toContain(line);
  });

  it("adds the admin chat's commands for a platform admin (Help in the role menu)", async () => {
    const ada = h.sandbox.admin();
    ada.send('/start');
    await ada.waitForMessage('Who are you here?');
    await ada.click('❓ Help');
    const help = await ada.waitFor((m) => m.text?.includes('Admin chat') === true, {
      what: 'help with the admin commands',
    });
    for (const line of [...lines('en', localizedCommands), ...lines('en', adminCommands)])
      expect(help.text).toContain(line);
  });
});
