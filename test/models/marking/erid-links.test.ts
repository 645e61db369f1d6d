import { describe, expect, it } from 'vitest';
import { addEridToUrl, markingLine } from '../../../models/marking/marking.js';

describe('erid on links', () => {
  it('appends erid and keeps other parameters and the fragment as written', () => {
    expect(addEridToUrl('https://shop.example/x', 'E1')).toBe('https://shop.example/x?erid=E1');
    expect(addEridToUrl('https://shop.example/x?utm_source=tg&q=a%20b#top', 'E1')).toBe(
      'https://shop.example/x?utm_source=tg&q=a%20b&erid=E1#top',
    );
    expect(addEridToUrl('tg://resolve?domain=shop', 'E1')).toBe('tg://resolve?domain=shop&erid=E1');
  });

  it('never adds erid twice (an existing one is replaced)', () => {
    const once = addEridToUrl('https://a.example/?x=1', 'E1');
    expect(addEridToUrl(once, 'E1')).toBe(once);
    expect(addEridToUrl('https://a.example/?erid=OLD&x=1', 'E1')).toBe(
      'https://a.example/?x=1&erid=E1',
    );
  });

  it('builds the marking line', () => {
    expect(markingLine({ name: 'ООО «Ромашка»', inn: '7707083893', erid: 'E1' })).toBe(
      'Реклама. ООО «Ромашка», ИНН 7707083893. erid: E1',
    );
  });
});
