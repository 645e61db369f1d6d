import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickSaltKey, isBotUserAgent, recordClick } from '../../../models/clicks/record-click.js';
import type { Clock } from '../../../models/clock.js';
import type { Database } from '../../../models/db.js';
import { claimPlacement } from '../../../models/placements/publish.js';
import { clickLinks, placements } from '../../../models/schema.js';
import { createTestDatabase } from '../../helpers/db.js';
import { startSandbox, type Sandbox } from '../../helpers/sandbox.js';
import { makeScheduledPlacement } from '../../factories/sandbox-placements.js';

let database: Database;
let sandbox: Sandbox;
let nowMs = Date.UTC(2032, 4, 10, 9, 0);
const clock: Clock = { now: () => new Date(nowMs), offsetMs: () => 0 };
const browser = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';

beforeAll(async () => {
  [database, sandbox] = await Promise.all([createTestDatabase(), startSandbox()]);
});
afterAll(async () => {
  await database?.close();
  await sandbox?.close();
});

/** A claimed placement (its click codes made by the claim) and its codes by link index. */
async function claimed() {
  const { placement } = await makeScheduledPlacement(database, sandbox, clock, '1/24');
  nowMs = placement.dueAt.getTime();
  const claim = await claimPlacement(database, placement.id, clock);
  if (claim.kind !== 'go') throw new Error(claim.kind);
  return { placementId: placement.id, codes: claim.target.linkCodes };
}

const counters = async (placementId: string) => {
  const [row] = await database.withSystem('test read', (tx) =>
    tx
      .select({ clicks: placements.clicks, uniqueClicks: placements.uniqueClicks })
      .from(placements)
      .where(eq(placements.id, placementId)),
  );
  return row!;
};
const clickEvents = async (placementId: string) =>
  (
    await database.withSystem('test read', (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from events where kind = 'click' and placement_id = ${placementId}`,
      ),
    )
  ).rows[0]!.n;

describe('click codes', () => {
  it('are made when the placement is claimed, kept server-side with erid, reused by a retry', async () => {
    const { placementId, codes } = await claimed();
    expect(codes.length).toBeGreaterThan(0);
    const links = await database.withSystem('test read', (tx) =>
      tx.select().from(clickLinks).where(eq(clickLinks.placementId, placementId)),
    );
    expect(links.map((l) => l.code).sort()).toEqual([...codes].sort());
    for (const link of links) expect(link.targetUrl).toContain('erid=Kra23f4dE');
    // The attempt died before sending: the next claim takes it again with the same codes.
    const again = await claimPlacement(database, placementId, clock);
    expect(again.kind === 'go' && again.target.linkCodes).toEqual(codes);
  });
});

describe('recordClick', () => {
  it('counts a visitor twice as 2 clicks and 1 unique, another visitor or day as unique again', async () => {
    const { placementId, codes } = await claimed();
    const code = codes[0]!;
    const click = (visitorKey: string) =>
      recordClick(database, { code, visitorKey, userAgent: browser }, clock);
    const first = await click(`203.0.113.7|${browser}`);
    expect(first).toMatchObject({ kind: 'redirect', counted: true, unique: true });
    expect(first.kind === 'redirect' && first.targetUrl).toContain('erid=Kra23f4dE');
    expect(await click(`203.0.113.7|${browser}`)).toMatchObject({ unique: false });
    expect(await counters(placementId)).toEqual({ clicks: 2, uniqueClicks: 1 });
    await click(`198.51.100.9|${browser}`);
    expect(await counters(placementId)).toEqual({ clicks: 3, uniqueClicks: 2 });
    nowMs += 24 * 3_600_000;
    expect(await click(`203.0.113.7|${browser}`)).toMatchObject({ unique: true });
    expect(await counters(placementId)).toEqual({ clicks: 4, uniqueClicks: 3 });
    expect(await clickEvents(placementId)).toBe(4);
    // Only the salted hash is stored: no IP in the event, the salt is a platform setting.
    const { data, salt } = await database.withSystem('test read', async (tx) => ({
      data: await tx.execute<{ data: string }>(
        sql`select data::text as data from events where placement_id = ${placementId}`,
      ),
      salt: await tx.execute(sql`select 1 from platform_settings where key = ${clickSaltKey}`),
    }));
    for (const row of data.rows) expect(row.data).not.toContain('203.0.113.7');
    expect(salt.rowCount).toBe(1);
  });

  it('redirects bots and requests without a user agent without counting them', async () => {
    const { placementId, codes } = await claimed();
    for (const userAgent of [
      'TelegramBot (like TwitterBot)',
      'Googlebot/2.1',
      'Some Crawler',
      'facebookexternalhit spider',
      'LinkPreview/1.0',
      '',
      undefined,
    ]) {
      const result = await recordClick(
        database,
        { code: codes[0]!, visitorKey: `192.0.2.1|${userAgent ?? ''}`, userAgent },
        clock,
      );
      expect(result).toMatchObject({ kind: 'redirect', counted: false });
    }
    expect(await counters(placementId)).toEqual({ clicks: 0, uniqueClicks: 0 });
    expect(await clickEvents(placementId)).toBe(0);
    expect(isBotUserAgent(browser)).toBe(false);
  });

  it('answers unknown for a code that does not exist', async () => {
    expect(
      await recordClick(
        database,
        { code: 'AAAAAAAAAAAAAAAA', visitorKey: 'x', userAgent: browser },
        clock,
      ),
    ).toEqual({ kind: 'unknown' });
  });
});
