/** Typographic quotes in the writer's text, and citation numbers in ascending order inside a mark. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBrief, validateBrief, renderBrief } from '../src/index.js';
import { htmlPieces } from '../src/render/html-pieces.js';
import { curlQuotes, QuoteCurler } from '../src/render/typography.js';
import { curlHtml } from '../src/render/curl-html.js';
import { fixturesDir } from './helpers/fixtures.js';

describe('curlQuotes', () => {
  it.each([
    ["Kestria's licences", 'Kestria’s licences'],
    ['"a deal"', '“a deal”'],
    ["the '90s", 'the ’90s'],
    ["the states' rights", 'the states’ rights'],
    ["('quoted')", '(‘quoted’)'],
    ['He said, "No."', 'He said, “No.”'],
    ['"\'Nested\' quotes"', '“‘Nested’ quotes”'],
    ['—"Yes"', '—“Yes”'],
  ])('%s → %s', (input, output) => {
    expect(curlQuotes(input)).toBe(output);
  });

  it('continues from the text before a piece', () => {
    const curler = new QuoteCurler();
    expect([curler.curl('He said '), curler.curl('"no'), curler.curl('"')]).toEqual(['He said ', '“no', '”']);
    curler.reset();
    expect(curler.curl("'s")).toBe('‘s');
    expect(curlQuotes("'s", 'a')).toBe('’s');
  });

  it('changes only quote characters, and leaves none straight', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const curled = curlQuotes(text);
        expect(curled.length).toBe(text.length);
        expect(curled).not.toMatch(/['"]/);
        for (let index = 0; index < text.length; index++) {
          if (!`'"`.includes(text[index]!)) expect(curled[index]).toBe(text[index]);
        }
      }),
    );
  });
});

describe('curlHtml', () => {
  const curl = curlHtml;

  it('curls text and escaped quotes, across inline tags, and leaves attributes, CSS and code alone', () => {
    expect(curl('<p>He said <em>&quot;no&quot;</em>, Kestria&#x27;s <code>"x"</code> <a href="x\'y">it\'s</a></p><style>a{content:"x"}</style>')).toBe(
      '<p>He said <em>“no”</em>, Kestria’s <code>"x"</code> <a href="x\'y">it’s</a></p><style>a{content:"x"}</style>',
    );
    // A block boundary starts afresh: the quote after </p> opens.
    expect(curl('<p>end.</p><p>"Start"</p>')).toBe('<p>end.</p><p>“Start”</p>');
  });

  it('never changes a tag', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<em>', '</em>', '<a href="a\'b">', '</a>', '<code>', '</code>', '<br/>'),
      fc.stringMatching(/^[a-z '"&#x27;;]*$/),
    );
    fc.assert(
      fc.property(fc.array(piece), (list) => {
        // The text pieces hold no `<`, so the curled page splits into the same tags.
        const html = list.join('');
        const tags = (pieces: string[]) => pieces.filter((_piece, index) => index % 2 === 1);
        expect(tags(htmlPieces(curlHtml(html)))).toEqual(tags(htmlPieces(html)));
      }),
    );
  });
});

describe('a rendered brief', () => {
  const source = readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8');
  const brief = validateBrief(parseBrief(source, { path: 'input.md' })).brief!;

  it('has typographic quotes in its HTML where the writer typed straight ones, in the running header too', async () => {
    expect(source).toContain("Alpha's report");
    const html = await renderBrief(brief, 'html');
    expect(html).toContain('Alpha’s report');
    expect(html).not.toMatch(/Alpha(&#x27;|')s report/);
    // Markdown keeps what the writer typed.
    expect(await renderBrief(brief, 'md')).toContain("Alpha's report");
  });

  it('numbers the sources of one citation mark in ascending order', async () => {
    const text = source.replace(/\[@alpha\]/, '[@beta; @alpha, p. 4]');
    expect(text).not.toBe(source);
    const reordered = validateBrief(parseBrief(text, { path: 'input.md' })).brief!;
    const html = await renderBrief(reordered, 'html');
    expect(html).toMatch(/<sup class="citation"><a href="#source-alpha">1, p\. 4<\/a>; <a href="#source-beta">2<\/a><\/sup>/);
    expect(await renderBrief(reordered, 'md')).toContain('[1, p. 4; 2]');
  });
});
