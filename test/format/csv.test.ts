import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvAmount, csvMoment, csvText } from '../../format/csv.js';
import { csvExportFilename, exportCsv } from '../../format/csv-exports.js';
import type { CsvExport } from '../../models/stats/csv-exports.js';

const utc = (iso: string) => new Date(`${iso}Z`);
const period = {
  days: 30,
  timezone: 'Europe/Moscow',
  from: utc('2026-11-07T18:00:00'),
  to: utc('2026-12-07T18:00:00'),
  channel: null,
} as const;

/** The cells a spreadsheet reads back: a real RFC 4180 parser, the BOM taken off. */
const cellsOf = (text: string): string[][] => parse(text, { bom: true });

describe('CSV exports', () => {
  it('orders: BOM, CRLF, quoted text round-trips, Moscow times, RUB and Stars decimals', () => {
    const name = 'Ольга "Кофе", и\nпартнёры';
    const data: CsvExport = {
      ...period,
      kind: 'orders',
      rows: [
        {
          id: 'a1',
          createdAt: utc('2026-12-01T21:30:00'),
          status: 'completed',
          advertiserName: name,
          advertiserUsername: 'olga_ads',
          channels: ['Coffee, daily', 'Чай'],
          items: 2,
          currency: 'RUB',
          total: 150_050,
          refunded: 5,
          paidAt: utc('2026-12-01T21:45:00'),
        },
        {
          id: 'b2',
          createdAt: utc('2026-12-02T09:00:00'),
          status: 'held',
          advertiserName: null,
          advertiserUsername: null,
          channels: ['Tea'],
          items: 1,
          currency: 'XTR',
          total: 1_540,
          refunded: 0,
          paidAt: null,
        },
      ],
    };
    const text = exportCsv(data);
    expect(text.startsWith('\uFEFFid,created (Europe/Moscow),status,')).toBe(true);
    // Every record ends in CRLF; the only bare LF is the one inside the quoted name.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
    expect(text.match(/(?<!\r)\n/g)).toHaveLength(1);
    expect(text).toContain('"Ольга ""Кофе"", и\nпартнёры"');
    expect(cellsOf(text)).toEqual([
      [
        'id',
        'created (Europe/Moscow)',
        'status',
        'advertiser',
        'advertiser username',
        'channels',
        'items',
        'currency',
        'total',
        'refunded',
        'paid (Europe/Moscow)',
      ],
      // 21:30 UTC on 1 December is 00:30 on the 2nd in Moscow.
      [
        'a1',
        '2026-12-02 00:30',
        'completed',
        name,
        'olga_ads',
        'Coffee, daily; Чай',
        '2',
        'RUB',
        '1500.50',
        '0.05',
        '2026-12-02 00:45',
      ],
      ['b2', '2026-12-02 12:00', 'held', '', '', 'Tea', '1', 'XTR', '1540', '0', ''],
    ]);
  });

  it('placements, payouts and daily rows: their columns, the zone in the header, variants from 1', () => {
    const placements = cellsOf(
      exportCsv({
        ...period,
        timezone: 'Asia/Tokyo',
        kind: 'placements',
        rows: [
          {
            id: 'p1',
            orderId: 'a1',
            channel: 'Кофе',
            format: '1/24',
            variantIndex: 1,
            dueAt: utc('2026-12-03T01:00:00'),
            publishedAt: null,
            status: 'failed',
            clicks: 12,
            uniqueClicks: 9,
            joins: 3,
            leaves: 1,
            reactions: 40,
          },
        ],
      }),
    );
    expect(placements).toEqual([
      [
        'id',
        'order id',
        'channel',
        'format',
        'variant',
        'due (Asia/Tokyo)',
        'published (Asia/Tokyo)',
        'status',
        'clicks',
        'unique clicks',
        'joins',
        'leaves',
        'reactions',
      ],
      [
        'p1',
        'a1',
        'Кофе',
        '1/24',
        '2',
        '2026-12-03 10:00',
        '',
        'failed',
        '12',
        '9',
        '3',
        '1',
        '40',
      ],
    ]);
    const payouts = cellsOf(
      exportCsv({
        ...period,
        kind: 'payouts',
        rows: [
          {
            id: 'y1',
            requestedAt: utc('2026-12-04T10:00:00'),
            status: 'paid',
            currency: 'USD',
            amount: 2_000,
            method: 'card',
            decidedAt: utc('2026-12-04T11:00:00'),
            paidAt: utc('2026-12-05T07:59:00'),
          },
        ],
      }),
    );
    expect(payouts[1]).toEqual([
      'y1',
      '2026-12-04 13:00',
      'paid',
      'USD',
      '20.00',
      'card',
      '2026-12-04 14:00',
      '2026-12-05 10:59',
    ]);
    const daily = exportCsv({
      ...period,
      kind: 'daily',
      rows: [
        {
          channel: 'Coffee',
          day: '2026-12-01',
          clicks: 1_234,
          uniqueClicks: 1_000,
          joins: 5,
          leaves: 0,
        },
      ],
    });
    // Never locale-formatted: no grouping in 1234.
    expect(daily).toBe(
      '\uFEFFchannel,day,clicks,unique clicks,joins,leaves\r\nCoffee,2026-12-01,1234,1000,5,0\r\n',
    );
  });

  it('an export without rows is the header alone; a cell that looks like a formula stays text', () => {
    expect(exportCsv({ ...period, kind: 'payouts', rows: [] })).toBe(
      '\uFEFFid,requested (Europe/Moscow),status,currency,amount,method,decided (Europe/Moscow),paid (Europe/Moscow)\r\n',
    );
    const text = csvText(['title'], [['=HYPERLINK("http://x.example","open")'], ['@me'], ['ok']]);
    expect(cellsOf(text)).toEqual([
      ['title'],
      ['\'=HYPERLINK("http://x.example","open")'],
      ["'@me"],
      ['ok'],
    ]);
  });

  it('amounts and moments on their own; the file name has the viewer’s date and the period', () => {
    expect(csvAmount(0, 'RUB')).toBe('0.00');
    expect(csvAmount(7, 'EUR')).toBe('0.07');
    expect(csvAmount(123_456_789, 'RUB')).toBe('1234567.89');
    expect(csvAmount(5, 'XTR')).toBe('5');
    expect(csvMoment(null, 'UTC')).toBe('');
    expect(csvMoment(utc('2026-12-31T22:30:00'), 'Europe/Moscow')).toBe('2027-01-01 01:30');
    expect(csvExportFilename('orders', period)).toBe('lytslot-orders-2026-12-07-30d.csv');
    expect(csvExportFilename('daily', { ...period, days: 7, to: utc('2026-12-07T22:00:00') })).toBe(
      'lytslot-daily-2026-12-08-7d.csv',
    );
  });
});
