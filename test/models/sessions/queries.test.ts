import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db.js';
import { lastHeartbeat } from '../../../models/heartbeats/queries.js';
import { recordHeartbeat } from '../../../models/heartbeats/record-heartbeat.js';
import { readSetting, writeSetting } from '../../../models/platform/queries.js';
import { deleteSession, readSession, writeSession } from '../../../models/sessions/queries.js';
import { createTestDatabase } from '../../helpers/db.js';

// Sessions, heartbeats and platform settings share one database: they are tiny key/value tables.
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('bot sessions', () => {
  it('reads back what was written, replaces it, and forgets it', async () => {
    await database.withScope({}, async (tx) => {
      expect(await readSession(tx, 'chat:1')).toBeUndefined();
      await writeSession(tx, 'chat:1', { step: 1, items: ['a'] });
      expect(await readSession(tx, 'chat:1')).toEqual({ step: 1, items: ['a'] });
      await writeSession(tx, 'chat:1', { step: 2 });
      expect(await readSession(tx, 'chat:1')).toEqual({ step: 2 });
      await deleteSession(tx, 'chat:1');
      expect(await readSession(tx, 'chat:1')).toBeUndefined();
    });
  });

  it('works in an app_system transaction too', async () => {
    await database.withSystem('test: sessions', async (tx) => {
      await writeSession(tx, 'chat:2', 'plain string');
      expect(await readSession(tx, 'chat:2')).toBe('plain string');
    });
  });
});

describe('job heartbeats', () => {
  it('keeps the latest run per job', async () => {
    const first = new Date('2026-01-01T00:00:00Z');
    const second = new Date('2026-01-01T00:01:00Z');
    await database.withSystem('test: jobs', async (tx) => {
      expect(await lastHeartbeat(tx, 'slots.expire-holds')).toBeUndefined();
      await recordHeartbeat(tx, 'slots.expire-holds', first);
      await recordHeartbeat(tx, 'slots.expire-holds', second);
      await recordHeartbeat(tx, 'placements.publish', first);
    });
    const latest = await database.withSystem('test: readyz', (tx) =>
      lastHeartbeat(tx, 'slots.expire-holds'),
    );
    expect(latest?.toISOString()).toBe(second.toISOString());
  });
});

describe('platform settings', () => {
  it('stores JSON values by key', async () => {
    await database.withSystem('test: settings', async (tx) => {
      expect(await readSetting(tx, 'test_clock_offset_ms')).toBeUndefined();
      await writeSetting(tx, 'test_clock_offset_ms', 60_000);
      await writeSetting(tx, 'test_clock_offset_ms', 120_000);
      expect(await readSetting(tx, 'test_clock_offset_ms')).toBe(120_000);
    });
  });
});
