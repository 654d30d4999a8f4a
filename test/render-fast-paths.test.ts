/**
 * Short cuts in rendering must give exactly what the long way gives: plain text that skips
 * to-markdown, and the font rules spliced into the HTML after the template has run. Each is
 * compared with the long way itself, on generated text and on templates that put the CSS where
 * the short cut must not apply (escaped, curled, inside a tag, twice).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { expect, it } from 'vitest';
import { parseBrief, validateBrief } from '../src/index.js';
import { countWords } from '../src/render/contents.js';
import { fontFaceCss, fontFaceCssFor } from '../src/render/fonts.js';
import { omitPositions } from '../src/model/plain.js';
import { plainCopyOf } from '../src/render/plain-copy.js';
import { fontsAt, fontsIn, htmlBytes, outputSha256 } from '../src/render/font-splice.js';
import { htmlPieces } from '../src/render/html-pieces.js';
import { renderHtml } from '../src/render/render.js';
import { escapeMarkdown, isPlainMarkdown } from '../src/render/rich-text.js';
import { loadTemplates, templateDirs } from '../src/render/templates.js';
import { curlQuotes } from '../src/render/typography.js';
import { curlHtml } from '../src/render/curl-html.js';
import { briefCodePoints } from '../src/render/plain-basis.js';
import { buildView } from '../src/render/view.js';
import { fixturesDir } from './helpers/fixtures.js';

/** escapeMarkdown without its short cut. */
const escapedTheLongWay = (text: string) =>
  toMarkdown({ type: 'paragraph', children: [{ type: 'text', value: text }] }, { extensions: [gfmToMarkdown()] })
    .replace(/\n$/, '')
    .replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3');

it('escapes plain text as to-markdown does, short cut or not', () => {
  const characters = [...'aZé ,;:.?\'"‘’“”()%–—-1wW/@#*_[]!&<>|~+=\\`\u0301ب\n\t'];
  let plain = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 14 }), (list) => {
      const text = list.join('');
      if (isPlainMarkdown(text)) plain++;
      expect(escapeMarkdown(text)).toBe(escapedTheLongWay(text.replace(/\s+/g, (run) => (/[\n\r]/.test(run) ? ' ' : run))));
    }),
    { numRuns: 5000 },
  );
  // The generator must reach the short cut often enough to test it.
  expect(plain).toBeGreaterThan(50);
  expect(isPlainMarkdown('Ahmed al-Sharaa’s visit (15 October), 2025')).toBe(true);
  for (const risky of ['1. one', '- item', '# title', 'a *b*', 'www.example', 'a  b', 'ends ', 'x|y']) expect(isPlainMarkdown(risky)).toBe(false);
});

const brief = (() => {
  const { brief: valid } = validateBrief(parseBrief(readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8'), { path: 'briefs/minimal.md' }));
  if (!valid) throw new Error('expected a valid brief');
  return valid;
})();

/** The HTML the way renderHtml made it before the short cut: the real font rules through the template and the curler. */
function htmlTheLongWay(templates: string): string {
  const dirs = templateDirs({ templates, cwd: templates });
  const stylesheet = readFileSync(join(dirs.at(-1)!, 'print.css'), 'utf8');
  const screen = readFileSync(join(dirs.at(-1)!, 'screen.css'), 'utf8');
  const view = buildView(brief, { generator: 'test', css: `${fontFaceCss(JSON.stringify(brief))}\n${stylesheet}\n${screen}`, changes: null });
  const html = loadTemplates(dirs, 'html').render(view, { templateDirs: dirs }).trim();
  return `${htmlCurledTheLongWay(htmlPieces(html)).join('')}\n`;
}

it.each([
  ['the built-in template', null],
  ['escaped CSS in the style element', '<!DOCTYPE html><html><head><style>\n{{css}}\n</style></head><body>{{meta.title}}</body></html>'],
  ['CSS as text, curled', '<html><head></head><body><p>{{{css}}}</p><p>"{{meta.title}}"</p></body></html>'],
  ['CSS inside a tag', '<html><head><meta name="x" content="{{{css}}}"></head><body>{{meta.title}}</body></html>'],
  ['CSS twice', '<html><head><style>{{{css}}}</style><style>{{{css}}}</style></head><body>{{meta.title}}</body></html>'],
])('splices the font rules only where the template leaves them alone: %s', (_name, template) => {
  const project = mkdtempSync(join(tmpdir(), 'bs-fast-html-'));
  const templates = join(project, 'templates');
  mkdirSync(templates);
  if (template) writeFileSync(join(templates, 'brief.html.hbs'), template);
  const html = renderHtml(brief, { templates, cwd: project, generator: 'test' });
  expect(html).toBe(htmlTheLongWay(templates));
  expect(html).not.toContain('briefsmith-font-faces');
});

it('counts the words of a contents decision as split(/s+/) does', () => {
  const characters = [
    ..."ab é,.'ب1",
    ' ',
    '\t',
    '\n',
    '\r',
    '\v',
    '\f',
    '\u00a0',
    '\u1680',
    '\u2000',
    '\u200a',
    '\u200b',
    '\u2028',
    '\u2029',
    '\u202f',
    '\u205f',
    '\u3000',
    '\ufeff',
    '\u0085',
    '\u180e',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 16 }), (list) => {
      const text = list.join('');
      expect(countWords(text)).toBe(text.split(/\s+/).filter(Boolean).length);
    }),
    { numRuns: 5000 },
  );
});

it('copies a model without positions as the JSON round trip does, with the code points of its text', () => {
  const key = fc.constantFrom('position', 'text', 'é', '1', '__proto__x', 'ب');
  const leaf = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'é', '’', '\ud83d\ude00', '\ud800', '\u0007', 'ب', '"') }),
    fc.double(),
    fc.constantFrom(-0, 0, null, true, undefined, Number.NaN, Number.POSITIVE_INFINITY),
  );
  const tree = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  }));
  // A model is an object at the top.
  fc.assert(
    fc.property(fc.oneof(tree.object, tree.array), (value) => {
      const json = JSON.stringify(value, omitPositions);
      const { plain, codePoints } = plainCopyOf(value);
      expect(JSON.stringify(plain)).toBe(json);
      expect(plain).toStrictEqual(JSON.parse(json));
      // JSON escapes a lone surrogate; no font covers one either.
      const lone = (point: number) => point >= 0xd800 && point <= 0xdfff;
      expect([...codePoints].filter((point) => !lone(point)).sort()).toEqual(
        [...new Set([...json].map((character) => character.codePointAt(0)!))].filter((point) => point > 0x7e).sort(),
      );
    }),
    { numRuns: 3000 },
  );
  const sparse = new Array<number>(3);
  sparse[0] = 1;
  sparse[2] = 3;
  expect(plainCopyOf({ list: sparse, when: new Date(0) }).plain).toEqual({ list: [1, null, 3], when: '1970-01-01T00:00:00.000Z' });
  expect(fontFaceCssFor(briefCodePoints(brief))).toBe(fontFaceCss(JSON.stringify(brief)));
});

/** curlQuotes as it was written first: every character tested against the one before it. */
function curledTheLongWay(text: string, before = ''): string {
  let previous = before;
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const opening = previous === '' || /[\s([{\u2014\u2013\-/\u2018\u201c]/u.test(previous);
    let written = character;
    if (character === "'") written = opening && !/\d/.test(text[index + 1] ?? '') ? '\u2018' : '\u2019';
    else if (character === '"') written = opening ? '\u201c' : '\u201d';
    out += written;
    previous = written;
  }
  return out;
}

it('curls quotes from quote to quote as the character-by-character way does', () => {
  const characters = [...'\'\'""a1 (—–-/[{‘“’”\n\t.é'].concat(['\ud83d\ude00']);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 14 }), fc.constantFrom('', 'a', ' ', '"', '‘', '(', '1'), (list, before) => {
      const text = list.join('');
      expect(curlQuotes(text, before)).toBe(curledTheLongWay(text, before));
    }),
    { numRuns: 10000 },
  );
});

/** curlHtml as it was written first: the page split into pieces, a match array for every tag, the entities replaced in every text. */
function htmlCurledTheLongWay(pieces: string[]): string[] {
  const verbatim = new Set(['style', 'script', 'code', 'pre', 'kbd', 'samp', 'textarea']);
  const inline = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'dfn', 'em', 'i', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'wbr']);
  const entities: Record<string, string> = { '&#x27;': "'", '&#39;': "'", '&apos;': "'", '&quot;': '"', '&#34;': '"', '&#x22;': '"' };
  let last = '';
  let skipping: string | null = null;
  return pieces.map((piece, index) => {
    if (index % 2 === 1) {
      const [, closing, name = ''] = /^<(\/?)([a-zA-Z][\w-]*)/.exec(piece) ?? [];
      const tag = name.toLowerCase();
      if (skipping) {
        if (closing && tag === skipping) skipping = null;
      } else if (!closing && verbatim.has(tag) && !piece.endsWith('/>')) skipping = tag;
      if (!inline.has(tag)) last = '';
      return piece;
    }
    if (skipping || piece === '') return piece;
    const curled = curledTheLongWay(
      piece.replace(/&#x27;|&#39;|&apos;|&quot;|&#34;|&#x22;/g, (entity) => entities[entity]!),
      last,
    );
    if (curled.length > 0) last = curled.at(-1)!;
    return curled;
  });
}

it('curls the text of an HTML page as the way with a match array per tag does', () => {
  const tokens = [
    '<em>',
    '</em>',
    '<EM>',
    '<code>',
    '</code>',
    '<Code class="x">',
    '<style>',
    '</style>',
    '<br/>',
    '<code/>',
    '<p>',
    '</p>',
    '</1>',
    '<1>',
    '</>',
    '<a href="it\'s">',
    '<_x>',
    '<my-tag>',
    '</my-tag>',
    "<span title='\"'>",
    '< b>',
    '<',
    '>',
    // Names that start like a verbatim or inline one but are not, and case mixed in end tags.
    '<scripts>',
    '<pre-x>',
    '</CODE>',
    '<textarea>',
    '</textarea>',
    '<ab>',
    '<abbr>',
    '<em/>',
  ];
  const texts = ["'", '"', 'a', '1', ' ', '\n', '(', '&#x27;', '&quot;', '&amp;', '&#39;', '’', '—', 'é'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...tokens, ...texts), { maxLength: 16 }), (list) => {
      const html = list.join('');
      expect(curlHtml(html)).toBe(htmlCurledTheLongWay(htmlPieces(html)).join(''));
    }),
    { numRuns: 10000 },
  );
});

it('encodes a page with its font rules spliced in as TextEncoder does, and finds the rules where they were spliced', () => {
  for (const name of ['minimal', 'full', 'note']) {
    const { brief: valid } = validateBrief(parseBrief(readFileSync(join(fixturesDir, name, 'input.md'), 'utf8'), { path: `briefs/${name}.md` }));
    if (!valid) throw new Error(`expected ${name} to be valid`);
    const html = renderHtml(valid, { generator: 'test' });
    const fonts = fontFaceCssFor(briefCodePoints(valid));
    expect(fontsAt(valid, html), name).toBe(html.indexOf(fonts));
    expect(Buffer.from(htmlBytes(valid, html)).equals(Buffer.from(new TextEncoder().encode(html))), name).toBe(true);
    // Not the page the splice made: encoded whole.
    expect(fontsAt(valid, `${html} `)).toBeUndefined();
    expect(Buffer.from(htmlBytes(valid, `${html} `)).equals(Buffer.from(new TextEncoder().encode(`${html} `)))).toBe(true);
  }
});

it('hashes a page from where its font rules end as SHA-256 hashes the whole, for pages that begin alike and pages that do not', () => {
  const pages: Uint8Array[] = [];
  for (const name of ['minimal', 'full', 'note', 'minimal']) {
    const source = readFileSync(join(fixturesDir, name, 'input.md'), 'utf8');
    // The last page begins otherwise: another language in <html lang>.
    const text = pages.length === 3 ? source.replace(/^title: /m, 'lang: fr\ntitle: ') : source;
    const { brief: valid } = validateBrief(parseBrief(text, { path: `briefs/${name}.md` }));
    if (!valid) throw new Error(`expected ${name} to be valid`);
    pages.push(htmlBytes(valid, renderHtml(valid, { generator: 'test' })));
  }
  expect(new Set(pages.map((page) => fontsIn(page)?.start)).size).toBeGreaterThan(1);
  for (const page of [...pages, ...pages]) expect(outputSha256(page)).toBe(createHash('sha256').update(page).digest('hex'));
  // Bytes the splice did not make are hashed whole.
  expect(outputSha256(Buffer.from('plain'))).toBe(createHash('sha256').update('plain').digest('hex'));
});
