/**
 * The bundled faces as `@font-face` rules with inlined WOFF2 data, read from the @fontsource
 * packages once per process. Inlining keeps the HTML standalone and lets the PDF renderer run
 * with every network request refused, and makes output independent of the machine's fonts.
 * Only the script subsets a brief's text needs are inlined: every inlined face is parsed again
 * by each page Chromium prints, so unused ones (Arabic, Cyrillic, Latin Extended) cost time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Package, CSS files (weights/styles) and subsets to embed. */
const faces: Array<{ pkg: string; css: string[]; subsets: string[] }> = [
  {
    pkg: '@fontsource/source-serif-4',
    css: ['400.css', '400-italic.css', '600.css', '600-italic.css', '700.css'],
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'],
  },
  {
    pkg: '@fontsource/source-sans-3',
    css: ['400.css', '600.css', '700.css'],
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'],
  },
  { pkg: '@fontsource/noto-naskh-arabic', css: ['400.css', '700.css'], subsets: ['arabic'] },
];

/** The families the templates may name. */
export const fontFamilies = { serif: 'Source Serif 4', sans: 'Source Sans 3', arabic: 'Noto Naskh Arabic' } as const;

interface FaceRule {
  /** The rule with its src pointing at the package file, inlined on first use. */
  template: string;
  file: string;
  /** Inclusive code point ranges from `unicode-range`. */
  ranges: Array<[number, number]>;
  /** The Latin subsets go in every document: the templates' own words are Latin. */
  always: boolean;
}

let rules: FaceRule[] | undefined;
const inlined = new Map<string, string>();

function parseRanges(css: string): Array<[number, number]> {
  const list = /unicode-range:\s*([^;]+);/.exec(css)?.[1] ?? 'U+0-10FFFF';
  return list.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '0', 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

function faceRules(): FaceRule[] {
  if (rules) return rules;
  rules = [];
  for (const face of faces) {
    const root = dirname(require.resolve(`${face.pkg}/package.json`));
    for (const cssFile of face.css) {
      for (const block of readFileSync(join(root, cssFile), 'utf8').split(/(?=\/\* )/)) {
        const name = /\/\* ([\w-]+) \*\//.exec(block)?.[1] ?? '';
        const subset = face.subsets.find((candidate) => new RegExp(`-${candidate}-\\d{3}-`).test(name));
        const file = /src: url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(block)?.[1];
        if (!subset || !file) continue;
        const template = block
          .trim()
          .replace(/src: url\(\.\/files\/[\w.-]+\.woff2\)[^;]*;/, 'src: @SRC@;')
          .replace(/font-display: swap;/, 'font-display: block;');
        rules.push({ template, file: join(root, 'files', file), ranges: parseRanges(block), always: subset === 'latin' });
      }
    }
  }
  return rules;
}

function inline(rule: FaceRule): string {
  let css = inlined.get(rule.file);
  if (css === undefined) {
    const data = readFileSync(rule.file).toString('base64');
    css = rule.template.replace('@SRC@', `url(data:font/woff2;base64,${data}) format('woff2')`);
    inlined.set(rule.file, css);
  }
  return css;
}

function usedBy(rule: FaceRule, codePoints: ReadonlySet<number>): boolean {
  for (const point of codePoints) if (rule.ranges.some(([start, end]) => point >= start && point <= end)) return true;
  return false;
}

/** The code points of `text` above U+007E (a loop: the brief's whole JSON is scanned, and matchAll made an array of every match). */
function nonAscii(text: string): Set<number> {
  const points = new Set<number>();
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) <= 0x7e) continue;
    const point = text.codePointAt(index)!;
    points.add(point);
    if (point > 0xffff) index++;
  }
  return points;
}

/**
 * `@font-face` CSS with data: URLs. With `text`, only the subsets covering some character of it
 * (Latin always, for the template's own words); without, every bundled subset.
 */
export function fontFaceCss(text?: string): string {
  return fontFaceCssFor(text === undefined ? undefined : nonAscii(text));
}

/** `fontFaceCss` for the code points above U+007E of a text (every subset without them). */
export function fontFaceCssFor(codePoints: ReadonlySet<number> | undefined): string {
  const selected = faceRules().filter((rule) => !codePoints || rule.always || usedBy(rule, codePoints));
  // Most briefs need the same few subsets: joining ~700 KB of CSS once per set, not per brief.
  const key = selected.map((rule) => rule.file).join('\0');
  let css = joinedSets.get(key);
  if (css === undefined) {
    css = selected.map(inline).join('\n');
    joinedSets.set(key, css);
  }
  return css;
}

const joinedSets = new Map<string, string>();

/** Every bundled font file (WOFF2), each once. */
export function fontFiles(): string[] {
  return [...new Set(faceRules().map((rule) => rule.file))];
}

/**
 * Every bundled face as `@font-face` CSS linking its file by `nameOf(file)` instead of inlining
 * it (site mode): a browser then fetches only the subsets a page's text needs (`unicode-range`).
 * `swap`, not `block`: on screen, text shows at once in a fallback face.
 */
export function linkedFontFaceCss(nameOf: (file: string) => string): string {
  return faceRules()
    .map((rule) => rule.template.replace('@SRC@', `url(${nameOf(rule.file)}) format('woff2')`).replace('font-display: block;', 'font-display: swap;'))
    .join('\n');
}

/** The font files embedded, for `briefsmith doctor`. */
export function embeddedFontNames(): string[] {
  return faces.map((face) => `${face.pkg} (${face.css.map((css) => css.replace('.css', '')).join(', ')}; ${face.subsets.join(', ')})`);
}
