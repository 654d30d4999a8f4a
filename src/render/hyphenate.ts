/**
 * Soft hyphens for the printed document. CSS `hyphens: auto` needs hyphenation dictionaries that
 * Chromium on Linux (and the headless shell) does not have, so justified print text would get
 * wide gaps and no word would ever break. TeX's Liang patterns (the `hyphen` package) mark the
 * break points instead, as U+00AD, which Chromium honours. Only the HTML Chromium prints gets
 * them: the `.html` output is read in browsers that hyphenate by themselves, and copied from.
 */
import { createRequire } from 'node:module';
import type { HyphenationFunctionSync, PatternsDefinition } from 'hyphen';
import { htmlPieces } from './html-pieces.js';
import { patternFiles } from './hyphenation-patterns.js';

const require = createRequire(import.meta.url);

/** Text inside these is never hyphenated: code, metadata, and display text such as headings. */
const skipped = new Set([
  'head',
  'title',
  'style',
  'script',
  'template',
  'svg',
  'math',
  'textarea',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'nav',
]);
/** Running prose: text is hyphenated only inside one of these (the stylesheet can still say `hyphens: none`). */
const prose = new Set(['p', 'li', 'td', 'blockquote', 'figcaption']);

const tagName = /^<(\/?)([a-zA-Z][\w-]*)/;
const entity = /(&[#\w]+;)/;
const word = /[\p{L}\p{M}]+/gu;
/** Words of one script only: English patterns know nothing of Arabic or Cyrillic. */
const latinWord = /^[\p{Script=Latin}\p{M}]+$/u;

interface Hyphenator {
  hyphenate: HyphenationFunctionSync;
  words: Map<string, string>;
  /** Runs of prose already hyphenated: a live preview prints the same paragraphs after every save. */
  texts: Map<string, string>;
}

/** How many runs of prose a hyphenator keeps (a few hundred a brief); past it the map starts again. */
const maxTexts = 20_000;

const hyphenators = new Map<string, Hyphenator>();

function hyphenatorFor(lang: string): Hyphenator | null {
  const key = lang.toLowerCase();
  const file = patternFiles[key] ?? patternFiles[key.split('-')[0] ?? ''];
  if (!file) return null;
  let known = hyphenators.get(file);
  if (known === undefined) {
    const createHyphenator = require('hyphen') as (patterns: PatternsDefinition, options?: { html?: boolean }) => HyphenationFunctionSync;
    known = { hyphenate: createHyphenator(require(`hyphen/patterns/${file}.js`) as PatternsDefinition, { html: false }), words: new Map(), texts: new Map() };
    hyphenators.set(file, known);
  }
  return known;
}

/** Break points with three letters or more on each side: "re-cognise" reads worse than a looser line. */
function keepThreeEachSide(hyphenated: string): string {
  const parts = hyphenated.split('\u00ad');
  const length = parts.join('').length;
  let before = 0;
  return parts
    .map((part, index) => {
      before += part.length;
      const last = index === parts.length - 1;
      return last || before < 3 || length - before < 3 ? part : `${part}\u00ad`;
    })
    .join('');
}

/** A word with its break points, from the cache; names, acronyms and short words stay whole. */
function hyphenateWord(found: string, hyphenator: Hyphenator): string {
  if (found.length < 6 || found[0] !== found[0]!.toLowerCase() || !latinWord.test(found)) return found;
  let hyphenated = hyphenator.words.get(found);
  if (hyphenated === undefined) {
    hyphenated = keepThreeEachSide(hyphenator.hyphenate(found));
    hyphenator.words.set(found, hyphenated);
  }
  return hyphenated;
}

/** A run of prose text between tags, from the cache when it was hyphenated before. */
function hyphenateRun(text: string, hyphenator: Hyphenator): string {
  let hyphenated = hyphenator.texts.get(text);
  if (hyphenated === undefined) {
    hyphenated = hyphenateText(text, hyphenator);
    if (hyphenator.texts.size >= maxTexts) hyphenator.texts.clear();
    hyphenator.texts.set(text, hyphenated);
  }
  return hyphenated;
}

/** A run of prose text between tags: whole words only, never inside URLs, e-mail addresses or numbers. */
function hyphenateText(text: string, hyphenator: Hyphenator): string {
  const replaceWord = (found: string) => hyphenateWord(found, hyphenator);
  return text.replace(/\S{6,}/g, (chunk) => {
    if (/[/@_\u00ad\d]|www\./.test(chunk)) return chunk;
    if (!chunk.includes('&')) return chunk.replace(word, replaceWord);
    return chunk
      .split(entity)
      .map((part) => (part.startsWith('&') ? part : part.replace(word, replaceWord)))
      .join('');
  });
}

/**
 * `html` with soft hyphens in the words of its running prose (paragraphs, list items, table
 * cells), using the patterns for `lang`; unchanged for a language without patterns. Removing
 * every U+00AD from the result gives `html` back.
 */
export function hyphenateHtml(html: string, lang: string): string {
  const hyphenator = hyphenatorFor(lang);
  if (!hyphenator) return html;
  let skipDepth = 0;
  let proseDepth = 0;
  return htmlPieces(html)
    .map((piece, index) => {
      if (index % 2 === 1) {
        const [, closing, name] = tagName.exec(piece) ?? [];
        const lower = name?.toLowerCase() ?? '';
        const step = closing ? -1 : piece.endsWith('/>') ? 0 : 1;
        if (skipped.has(lower)) skipDepth = Math.max(0, skipDepth + step);
        else if (prose.has(lower)) proseDepth = Math.max(0, proseDepth + step);
        return piece;
      }
      return skipDepth === 0 && proseDepth > 0 && piece.length >= 6 ? hyphenateRun(piece, hyphenator) : piece;
    })
    .join('');
}
