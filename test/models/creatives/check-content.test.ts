import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Creative } from '../../../models/creatives/content.js';
import { createLogger } from '../../../models/logger.js';
import { checkCreativeContent } from '../../../models/creatives/check-content.js';
import { createModerationAdapter } from '../../../models/providers/moderation.js';
import { startFakeModeration, type FakeModeration } from '../../../sandbox/fakes/moderation.js';

const noRules = { stopWords: [], blockedDomains: [] };
const text = (body: string, buttons: Creative['buttons'] = []) => ({
  content: { kind: 'text' as const, text: body },
  buttons,
  rules: noRules,
});
const codes = async (input: Parameters<typeof checkCreativeContent>[0]) =>
  (await checkCreativeContent(input)).flags.map((flag) => flag.code);

describe('checkCreativeContent — built-in checks', () => {
  it('passes a clean post with an ordinary https link', async () => {
    const result = await checkCreativeContent(
      text('Fresh coffee every morning', [
        [{ text: 'Order', url: 'https://coffee.example.com/menu' }],
      ]),
    );
    expect(result.flags).toEqual([]);
  });

  it('flags a channel stop word and a platform stop word (whole words, any case)', async () => {
    const result = await checkCreativeContent({
      ...text('Best CASINO bonuses and cheap loans'),
      rules: { stopWords: ['loans'], blockedDomains: [] },
    });
    expect(result.flags).toEqual([
      { source: 'stop_words', code: 'stop_word', detail: 'loans' },
      { source: 'stop_words', code: 'platform_stop_word', detail: 'casino' },
    ]);
    expect(await codes(text('Casinoroyale coffee'))).toEqual([]);
  });

  it('flags a URL shortener in a button and in a text link entity', async () => {
    expect(await codes(text('Go', [[{ text: 'Open', url: 'https://bit.ly/3abc' }]]))).toEqual([
      'shortener',
    ]);
    const entityLink = {
      content: {
        kind: 'text' as const,
        text: 'Read more',
        entities: [{ type: 'text_link', offset: 0, length: 4, url: 'https://clck.ru/xyz' }],
      },
      buttons: [],
      rules: noRules,
    };
    expect(await codes(entityLink)).toEqual(['shortener']);
  });

  it('flags an IP-literal host, a non-http scheme and a malformed URL', async () => {
    expect(await codes(text('x', [[{ text: 'Win', url: 'http://192.168.10.5/prize' }]]))).toEqual([
      'ip_host',
    ]);
    expect(await codes(text('Pay here: ftp://files.example.com/x'))).toEqual(['bad_scheme']);
    expect(await codes(text('x', [[{ text: 'Bad', url: 'http://exa mple.com' }]]))).toEqual([
      'malformed_url',
    ]);
  });

  it('flags a punycode look-alike (Cyrillic letters in a .com name) but not a plain .рф domain', async () => {
    // «аpple.com» with a Cyrillic «а».
    expect(await codes(text('x', [[{ text: 'Shop', url: 'https://\u0430pple.com/' }]]))).toEqual([
      'punycode',
    ]);
    expect(await codes(text('x', [[{ text: 'Сайт', url: 'https://кофе.рф/' }]]))).toEqual([]);
  });

  it("flags a link to one of the channel's blocked domains or its subdomain", async () => {
    const result = await checkCreativeContent({
      ...text('x', [[{ text: 'Go', url: 'https://shop.rival.com/sale' }]]),
      rules: { stopWords: [], blockedDomains: ['rival.com'] },
    });
    expect(result.flags).toEqual([
      { source: 'links', code: 'blocked_domain', detail: 'rival.com' },
    ]);
  });
});

describe('checkCreativeContent — the AI moderator through the fake', () => {
  let fake: FakeModeration;
  const logger = createLogger({ level: 'silent' });
  beforeAll(async () => {
    fake = await startFakeModeration({ flaggedWords: ['weapons'], apiKey: 'mk-test' });
  });
  afterAll(() => fake.close());

  it('adds an ai flag with the categories when the moderator flags the text', async () => {
    fake.setMode('ok');
    const ai = createModerationAdapter({ url: fake.url, apiKey: 'mk-test', logger });
    const flagged = await checkCreativeContent(text('Cheap weapons delivered'), ai);
    expect(flagged.flags).toEqual([{ source: 'ai', code: 'ai_flagged', detail: 'illicit' }]);
    const clean = await checkCreativeContent(text('Cheap coffee delivered'), ai);
    expect(clean.flags).toEqual([]);
    expect(fake.requests.slice(-2)).toEqual(['Cheap weapons delivered', 'Cheap coffee delivered']);
  });

  it('an outage (500, wrong key, timeout, nothing listening) adds no flag and does not throw', async () => {
    const warnings: string[] = [];
    const spy = createLogger({
      level: 'warn',
      destination: { write: (line: string) => warnings.push(line) },
    });
    fake.setMode('error');
    const down = createModerationAdapter({ url: fake.url, apiKey: 'mk-test', logger: spy });
    expect((await checkCreativeContent(text('Cheap weapons'), down)).flags).toEqual([]);
    fake.setMode('ok');
    const wrongKey = createModerationAdapter({ url: fake.url, apiKey: 'nope', logger: spy });
    expect((await checkCreativeContent(text('Cheap weapons'), wrongKey)).flags).toEqual([]);
    fake.setMode('hang');
    const slow = createModerationAdapter({
      url: fake.url,
      apiKey: 'mk-test',
      logger: spy,
      timeoutMs: 200,
    });
    expect((await checkCreativeContent(text('Cheap weapons'), slow)).flags).toEqual([]);
    fake.setMode('ok');
    const gone = createModerationAdapter({
      url: 'http://127.0.0.1:9/v1/moderations',
      apiKey: 'k',
      logger: spy,
    });
    expect((await checkCreativeContent(text('Cheap weapons'), gone)).flags).toEqual([]);
    expect(warnings.length).toBe(4);
    expect(warnings.join('\n')).not.toContain('mk-test');
  });
});
