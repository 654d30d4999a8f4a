/** Web links in print: a letter after each, the addresses listed at the end; never on screen. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLinkNotes, noteLetter } from '../src/render/link-notes.js';
import { renderPdfSource } from '../src/render/render.js';
import { parseBrief, validateBrief, renderBrief } from '../src/index.js';
import { fixturesDir } from './helpers/fixtures.js';

describe('addLinkNotes', () => {
  it('letters each web address in order of first use and lists them before the end of the article', () => {
    const html = [
      '<head><link href="https://head.example"></head><body><article>',
      '<p><a href="https://b.example/?x=1&amp;y=2">first</a>, <a class="ref" href="mailto:desk@example.org">desk</a>,',
      ' <a href="https://b.example/?x=1&amp;y=2">again</a>, <a href="#source-alpha">1</a>, <a class="url" href="https://c.example">https://c.example</a></p>',
      '</article></body>',
    ].join('');
    expect(addLinkNotes(html)).toBe(
      [
        '<head><link href="https://head.example"></head><body><article>',
        '<p><a class="noted" href="https://b.example/?x=1&amp;y=2">first</a><sup class="link-note">a</sup>,',
        ' <a class="ref noted" href="mailto:desk@example.org">desk</a><sup class="link-note">b</sup>,',
        ' <a class="noted" href="https://b.example/?x=1&amp;y=2">again</a><sup class="link-note">a</sup>, <a href="#source-alpha">1</a>,',
        ' <a class="url" href="https://c.example">https://c.example</a></p>',
        '<section class="link-notes" aria-labelledby="link-notes-title"><h3 id="link-notes-title">Links in the text</h3><ol>',
        '<li><a class="url" href="https://b.example/?x=1&amp;y=2">https://b.example/?x=1&amp;y=2</a></li>',
        '<li><a class="url" href="mailto:desk@example.org">desk@example.org</a></li></ol></section>\n',
        '</article></body>',
      ].join(''),
    );
  });

  it('leaves a document without web links as it is', () => {
    const html = '<body><p><a href="#sources">Sources</a> and <a class="url" href="https://x.example">x</a></p></body>';
    expect(addLinkNotes(html)).toBe(html);
  });

  it('counts like CSS lower-alpha', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(noteLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
  });

  it('notes the links of a brief in the printed HTML only', async () => {
    const path = join(fixturesDir, 'full', 'input.md');
    const { brief } = validateBrief(parseBrief(readFileSync(path, 'utf8'), { path }));
    const print = renderPdfSource(brief!, { generator: 'test' }).html;
    expect(print).toContain('safe link</a><sup class="link-note">a</sup>');
    expect(print).toContain('<li><a class="url" href="https://example.org">https://example.org</a></li>');
    expect(await renderBrief(brief!, 'html')).not.toContain('<sup class="link-note">');
  });
});
