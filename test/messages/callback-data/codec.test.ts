import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adminCardData, opsAuditData } from '../../../messages/callback-data/admin.js';
import { dayData, timeData } from '../../../messages/callback-data/booking.js';
import { slotData } from '../../../messages/callback-data/calendar.js';
import { payData } from '../../../messages/callback-data/checkout.js';
import {
  callbackData,
  callbackDataLimit,
  CallbackDataError,
  field,
  isCallbackData,
} from '../../../messages/callback-data/codec.js';
import { lateOfferData, orderData } from '../../../messages/callback-data/orders.js';
import {
  callbackDataModules,
  declaredCallbackData,
} from '../../../messages/callback-data/registry.js';
import { sellingData } from '../../../messages/callback-data/selling.js';

const id = '0b6c1a52-6a8e-4a57-9d56-2f2f4f0c9a11';

describe('callback data codec', () => {
  it('packs the wire strings buttons already in chats carry, and reads them back typed', () => {
    const at = new Date('2026-11-20T10:15:00Z');
    const minute = at.getTime() / 60_000;
    expect(timeData.pack({ channelId: id, format: 'pin:24', at })).toBe(
      `book:t:${id}:p24:${minute}`,
    );
    expect(timeData.unpack(`book:t:${id}:p24:${minute}`)).toEqual({
      channelId: id,
      format: 'pin:24',
      at,
    });
    expect(dayData.pack({ channelId: id, format: '1/24', date: '2026-11-20' })).toBe(
      `book:d:${id}:1-24:20261120`,
    );
    expect(dayData.unpack(`book:d:${id}:1-24:20261120`)).toEqual({
      channelId: id,
      format: '1/24',
      date: '2026-11-20',
    });
    expect(payData.pack({ method: 'yookassa', orderId: id })).toBe(`chk:pay:y:${id}`);
    expect(payData.parse(`chk:pay:c:${id}`)).toEqual({ method: 'stripe', orderId: id });
    expect(lateOfferData.pack({ choice: 'refund', placementId: id })).toBe(`ord:late-refund:${id}`);
    expect(opsAuditData.parse(`adm:ops:p:d:${id}:12`)).toEqual({
      mode: 'page',
      kind: 'dispute',
      id,
      page: 12,
    });
    expect(adminCardData.payout.pack({ action: 'paid', id })).toBe(`adm:payout:paid:${id}`);
    expect(slotData.parse(`cal:i:${id}:29000000`)).toEqual({
      action: 'i',
      channelId: id,
      minute: 29_000_000,
    });
    expect(sellingData.pack({ action: 'open', channelId: id, args: [] })).toBe(`sell:open:${id}`);
    expect(sellingData.parse(`sell:in:${id}:price:2`).args).toEqual(['price', '2']);
  });

  it('refuses to pack a value that does not fit its field', () => {
    expect(() => orderData.pack({ action: 'card', orderId: 'not-a-uuid' })).toThrow(
      CallbackDataError,
    );
    expect(() => orderData.pack({ action: 'card', orderId: id.toUpperCase() })).toThrow(
      /orderId does not fit/,
    );
    expect(() => opsAuditData.pack({ mode: 'open', kind: 'order', id, page: 10_000 })).toThrow(
      /page does not fit/,
    );
    expect(() => slotData.pack({ action: 'b', channelId: id, minute: 1.5 })).toThrow(
      CallbackDataError,
    );
    expect(() => sellingData.pack({ action: 'open', channelId: id, args: ['a:b'] })).toThrow(
      /args does not fit/,
    );
  });

  it('reads data of another kind, a crafted value or a stray suffix as undefined', () => {
    expect(orderData.unpack(`ord:delete:${id}`)).toBeUndefined();
    expect(orderData.unpack(`ord:card:${id}:extra`)).toBeUndefined();
    expect(orderData.unpack(`rv:ok:${id}`)).toBeUndefined();
    expect(orderData.unpack('ord:card:1234')).toBeUndefined();
    expect(orderData.unpack('')).toBeUndefined();
    expect(() => orderData.parse(`rv:ok:${id}`)).toThrow(CallbackDataError);
  });

  it("refuses data over Telegram's 64 bytes, counting bytes, not characters", () => {
    const note = callbackData('x:note', { text: field.code('[^:]{1,80}', 'a') });
    expect(note.pack({ text: 'a'.repeat(callbackDataLimit - 'x:note:'.length) })).toHaveLength(64);
    expect(() => note.pack({ text: 'a'.repeat(callbackDataLimit - 'x:note:'.length + 1) })).toThrow(
      /65 bytes > 64/,
    );
    expect(() => note.pack({ text: 'я'.repeat(29) })).toThrow(/bytes > 64/);
  });

  describe('the registry of declared kinds', () => {
    const declared = declaredCallbackData();
    const constants = Object.values(callbackDataModules)
      .flatMap((module) => Object.values(module))
      .filter((value) => !isCallbackData(value))
      .flatMap((value) => (typeof value === 'object' ? Object.values(value) : [value]))
      .filter((value): value is string => typeof value === 'string');

    it('holds every module of messages/callback-data', () => {
      const files = readdirSync(new URL('../../../messages/callback-data/', import.meta.url))
        .map((name) => name.replace(/\.ts$/, ''))
        .filter((name) => name !== 'codec' && name !== 'registry');
      expect(Object.keys(callbackDataModules).sort()).toEqual(files.sort());
      expect(declared.length).toBeGreaterThan(30);
    });

    it('gives every kind its own head, and no constant looks like another kind', () => {
      const heads = [...declared.flatMap((d) => d.kinds), ...constants];
      expect(heads.filter((head, i) => heads.indexOf(head) !== i)).toEqual([]);
      for (const constant of constants)
        expect(declared.filter((d) => d.unpack(constant)).map((d) => d.prefix)).toEqual([]);
    });

    it('lets exactly one kind read the data of each kind, and all of it fits in 64 bytes', () => {
      for (const kind of declared) {
        for (const data of kind.samples()) {
          expect(Buffer.byteLength(data)).toBeLessThanOrEqual(callbackDataLimit);
          const readers = declared.filter((other) => other.unpack(data) !== undefined);
          expect(readers, data).toEqual([kind]);
        }
      }
    });
  });
});
