import { describe, expect, it } from 'vitest';
import { TrustedHtml, trustedHtml } from '../../format/html.js';
import { createI18n, htmlArgs } from '../../messages/i18n.js';

const i18n = createI18n();

describe('HtmlI18n.t: arguments escaped once, in the translate step', () => {
  it('escapes string arguments for HTML', () => {
    expect(i18n.t('en', 'members-revoked', { name: 'A&B <x>' })).toBe(
      'Access of A&amp;B &lt;x&gt; revoked',
    );
  });

  it('passes trusted HTML as is', () => {
    expect(i18n.t('en', 'members-revoked', { name: trustedHtml('<b>Ann</b> &amp; Bob') })).toBe(
      'Access of <b>Ann</b> &amp; Bob revoked',
    );
  });

  it('keeps a nested translation (HTML) intact when it is passed as trusted', () => {
    const nested = i18n.t('en', 'members-title');
    expect(nested).toContain('<b>Your workspace</b>');
    expect(i18n.t('en', 'members-revoked', { name: trustedHtml(nested) })).toBe(
      `Access of ${nested} revoked`,
    );
    // The same text passed as a plain string is shown as text: escaped.
    expect(i18n.t('en', 'members-revoked', { name: nested })).toContain(
      '&lt;b&gt;Your workspace&lt;/b&gt;',
    );
  });

  it('formats numbers per locale, untouched by escaping', () => {
    const facts = { subscribers: 2000, category: 'x', language: 'y' };
    expect(i18n.t('en', 'catalog-card-facts', facts)).toContain('2,000 subscribers');
    expect(i18n.t('ru', 'catalog-card-facts', facts)).toMatch(/2\s000/);
  });

  it('tPlain leaves arguments as typed (buttons, alerts, invoices)', () => {
    expect(i18n.tPlain('en', 'members-revoke-button', { name: 'A&B <x>' })).toBe(
      '✖ Revoke A&B <x>',
    );
  });
});

describe('htmlArgs', () => {
  it('escapes text, unwraps trusted HTML and leaves numbers and dates alone', () => {
    const at = new Date('2026-12-08T08:00:00Z');
    const args = htmlArgs({ text: '<i>&', html: trustedHtml('<i>ok</i>'), n: 3, at });
    expect(args).toEqual({ text: '&lt;i&gt;&amp;', html: '<i>ok</i>', n: 3, at });
    expect(args?.at).toBe(at);
    expect(htmlArgs(undefined)).toBeUndefined();
  });

  it('a trusted value reads as its HTML wherever it is turned into a string', () => {
    const html = trustedHtml('<b>x</b>');
    expect(html).toBeInstanceOf(TrustedHtml);
    expect(`${html}`).toBe('<b>x</b>');
    expect([html, 'y'].join(' ')).toBe('<b>x</b> y');
  });
});
