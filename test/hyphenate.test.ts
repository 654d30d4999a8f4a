/** Soft hyphens for print: only in running prose, never in code, names, URLs, markup or display text. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { hyphenateHtml } from '../src/render/hyphenate.js';

const shown = (html: string) => html.replaceAll('\u00ad', '·');

describe('hyphenateHtml', () => {
  it('marks break points in the words of paragraphs, list items and table cells', () => {
    const html = '<body><p>Reconstruction negotiations</p><ul><li>humanitarian</li></ul><table><tr><td>independently</td></tr></table></body>';
    // British patterns, three letters at least each side of a break; the capitalised word is taken for a name.
    expect(shown(hyphenateHtml(html, 'en-GB'))).toBe(
      '<body><p>Reconstruction nego·ti·ations</p><ul><li>human·it·arian</li></ul><table><tr><td>inde·pend·ently</td></tr></table></body>',
    );
  });

  it('leaves markup, headings, code, names, URLs, e-mail addresses, numbers and entities alone', () => {
    const html = [
      '<head><title>negotiations</title><style>p { font-family: negotiations; }</style></head>',
      '<h2>Reconstruction negotiations</h2>',
      '<p class="negotiations" title="a > negotiations">Washington <code>negotiations</code> https://example.org/negotiations',
      ' negotiations@example.org www.negotiations.org 2025negotiations &hellip;&amp;negotiations</p>',
      '<nav><p>negotiations</p></nav><div>negotiations</div>',
    ].join('');
    const result = hyphenateHtml(html, 'en-GB');
    // Only the word after the entities, which is prose, gets break points.
    expect(shown(result)).toBe(html.replace('&amp;negotiations', '&amp;nego·ti·ations'));
  });

  it('hyphenates nothing in a language it has no patterns for, and nothing in another script', () => {
    const html = '<p>negotiations</p>';
    expect(hyphenateHtml(html, 'ar')).toBe(html);
    expect(hyphenateHtml('<p>المفاوضات переговоры</p>', 'en')).toBe('<p>المفاوضات переговоры</p>');
  });

  it('uses the patterns of the brief language', () => {
    expect(shown(hyphenateHtml('<p>Verhandlungen</p><p>verhandlungen</p>', 'de'))).toBe('<p>Verhandlungen</p><p>ver·hand·lun·gen</p>');
  });

  it('gives a run of prose it has seen the break points it gave it, in each language its own', async () => {
    const html = '<p>humanitarian negotiations</p><li>humanitarian negotiations</li>';
    const british = hyphenateHtml(html, 'en-GB');
    const american = hyphenateHtml(html, 'en-US');
    expect(british).not.toBe(american);
    expect(hyphenateHtml(html, 'en-GB')).toBe(british);
    // A fresh module (nothing seen yet), the other way round.
    vi.resetModules();
    const fresh = await import('../src/render/hyphenate.js');
    expect(fresh.hyphenateHtml(html, 'en-US')).toBe(american);
    expect(fresh.hyphenateHtml(html, 'en-GB')).toBe(british);
  });

  it('only ever adds soft hyphens', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<li>',
        '</li>',
        '<code>',
        '</code>',
        '<h2>',
        '</h2>',
        '<style>',
        '</style>',
        '<br/>',
        '<a href="x > y">',
        '</a>',
        '&amp;',
        '&#x3C;',
        ' ',
        '\n',
        '/',
        '@',
      ),
      fc.constantFrom('negotiations', 'Reconstruction', 'independently', 'humanitarian', 'co-operation', 'don\u2019t', 'über', 'naïveté'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        expect(hyphenateHtml(html, 'en-GB').replaceAll('\u00ad', '')).toBe(html.replaceAll('\u00ad', ''));
      }),
    );
  });
});
