import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { viewsData } from '../../../messages/callback-data/views.js';
import { auditLog, placements } from '../../../models/schema.js';
import { makeOwnChannel } from '../../factories/channels.js';
import { makeServedOrder, type ServedOrder } from '../../factories/placements.js';
import type { TestUser } from '../../helpers/telegram-user.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { accountOf, sendEntryButton } from '../selling/setup.js';

let h: BotHarness;
let pia: TestUser;
let alex: TestUser;
let served: ServedOrder;
const hour = 3_600_000;

beforeAll(async () => {
  h = await startBotHarness();
  pia = h.sandbox.user({ first_name: 'Pia', language_code: 'en' });
  alex = h.sandbox.user({ first_name: 'Alex', language_code: 'en' });
  for (const user of [pia, alex]) {
    user.send('/start');
    await user.waitForMessage('Who are you here?');
  }
  const coffee = await makeOwnChannel(h.database, await accountOf(h, pia), { title: 'Coffee' });
  // Alex's post in Pia's channel went out three days ago and was clicked 30 times; a second is
  // still to go out.
  served = await makeServedOrder(h.database, {
    base: new Date(Date.now() - 3 * 24 * hour),
    amount: 200_000,
    currency: 'RUB',
    channel: coffee,
    advertiser: await accountOf(h, alex),
    placements: [{}, { publishedAfterHours: null, status: 'scheduled' }],
  });
  await h.database.withSystem('test: clicks', (tx) =>
    tx
      .update(placements)
      .set({ clicks: 30, uniqueClicks: 24 })
      .where(eq(placements.id, served.placementIds[0]!)),
  );
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const row = async () =>
  (
    await h.database.withSystem('test read', (tx) =>
      tx.select().from(placements).where(eq(placements.id, served.placementIds[0]!)),
    )
  )[0]!;
const plain = (text: string | undefined) => (text ?? '').replace(/\u00a0/g, ' ');

describe('views reported by the channel’s owner', () => {
  it('the owner reports them with a screenshot; bad input is re-asked and changes nothing', async () => {
    const report = viewsData.pack({ action: 'report', placementId: served.placementIds[0]! });
    await sendEntryButton(h, pia, 'Report views', report);
    await pia.click('Report views');
    await pia.waitForMessage(/How many views does the ad post in Coffee/);
    pia.send('lots');
    await pia.waitForMessage('Send the number of views in digits');
    pia.send('0');
    await pia.waitForMessage('Send the number of views in digits');
    expect((await row()).reportedViews).toBeNull();
    pia.send('1 500');
    await pia.waitForMessage('Send a screenshot of the post with its view counter');
    pia.send('here it is');
    await pia.waitForMessage('Send the screenshot as a photo');
    pia.send({ photo: true, caption: 'views' });
    const saved = await pia.waitForMessage('Saved: views');
    expect(plain(saved.text)).toBe(
      '✅ Saved: views 1,500, CTR 2%, with the screenshot. The advertiser sees them in their report.',
    );
    const stored = await row();
    expect(stored.reportedViews).toBe(1_500);
    expect(stored.viewsEvidence).toEqual(expect.any(String));
    const audits = await h.database.withSystem('test read', (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.objectId, served.placementIds[0]!),
            eq(auditLog.action, 'placement.views_reported'),
          ),
        ),
    );
    expect(audits.map((a) => a.data)).toEqual([{ views: 1_500, evidence: true }]);
  });

  it('the advertiser’s report shows them with the CTR, and the screenshot on request', async () => {
    alex.send('/orders');
    await alex.waitForMessage(/orders/i);
    await vi.waitFor(() => alex.click(/Coffee/), { timeout: 5_000 });
    await vi.waitFor(() => alex.click('📊 Report'), { timeout: 5_000 });
    const report = await vi.waitFor(
      () => {
        const found = alex.messages().findLast((m) => m.text?.startsWith('📊 Report'));
        if (!found) throw new Error('no report yet');
        return found;
      },
      { timeout: 5_000 },
    );
    expect(plain(report.text)).toContain('👁 Views 1,500 (reported by the owner) · CTR 2%');
    expect(plain(report.text)).toContain(
      '👁 Where the owner reported views: CTR 2% (clicks 30, views 1,500)',
    );
    // The post not out yet shows no views: nothing is invented.
    expect(plain(report.text).match(/👁 Views/g)).toHaveLength(1);
    await alex.click(/🖼 Views screenshot — Coffee/);
    const photo = await alex.waitFor((m) => m.photo !== undefined, {
      timeoutMs: 5_000,
      what: 'the screenshot',
    });
    expect(plain(photo.caption)).toBe("👁 The owner's screenshot: views 1,500.");
  });

  it('refuses the advertiser, a stranger and a post not out yet', async () => {
    const max = h.sandbox.user({ first_name: 'Max', language_code: 'en' });
    max.send('/start');
    await max.waitForMessage('Who are you here?');
    for (const [user, placementId] of [
      [alex, served.placementIds[0]!],
      [max, served.placementIds[0]!],
      [pia, served.placementIds[1]!],
    ] as const) {
      await sendEntryButton(h, user, 'Views', viewsData.pack({ action: 'report', placementId }));
      const answer = await user.click('Views');
      expect(answer.text).toBe(
        "You can't report views of this post: it has not gone out, or it is not in your channels.",
      );
    }
    // A stranger cannot open the screenshot either.
    await sendEntryButton(
      h,
      max,
      'Proof',
      viewsData.pack({ action: 'show', placementId: served.placementIds[0]! }),
    );
    expect((await max.click('Proof')).text).toBe('The owner sent no screenshot of these views.');
    expect((await row()).reportedViews).toBe(1_500);
  });
});
