/**
 * The quote-curling pass over a rendered HTML page (see typography.ts for the rule): text between
 * tags is curled, attribute values, CSS and code are left alone, and quotes written as entities
 * (Handlebars escapes `'` and `"`) are curled too. It reads the page once and copies only the
 * text it changes: splitting a page into its thousands of pieces and joining them again cost more
 * than the templates that made it. Hand-written because the HTML tools (rehype, parse5) would parse
 * a whole tree for what is a scan of briefsmith's own well-formed, sanitized output.
 */
import { tagSource } from './html-pieces.js';
import { curlQuotes } from './typography.js';

/** Inline elements: a quote just after one of these tags continues the text before it. */
const inline = /(?:a|abbr|b|bdi|bdo|cite|dfn|em|i|mark|q|small|span|strong|sub|sup|time|u|wbr)(?![\w-])/iy;
/** Elements whose text is code or not text at all, left as written; and each name's own pattern, to find its end tag. */
const verbatimNames = ['style', 'script', 'code', 'pre', 'kbd', 'samp', 'textarea'];
const verbatim = new RegExp(`(?:${verbatimNames.join('|')})(?![\\w-])`, 'iy');
const verbatimEach = verbatimNames.map((name) => new RegExp(`${name}(?![\\w-])`, 'iy'));

const entities: Record<string, string> = { '&#x27;': "'", '&#39;': "'", '&apos;': "'", '&quot;': '"', '&#34;': '"', '&#x22;': '"' };
const quoteEntity = /&#x27;|&#39;|&apos;|&quot;|&#34;|&#x22;/g;

/** A tag from its `<`: what html-pieces.ts splits on. */
const tagPattern = new RegExp(tagSource, 'y');
/** What can make a text change: a quote, or an entity that may be one. */
const markPattern = /['"&]/g;

/** Whether the sticky `pattern` matches `html` at `at`: a tag's name is tested in place, not sliced and lower-cased. */
function matchesAt(pattern: RegExp, html: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(html);
}

/** Where the first tag at or after `from` starts, and where it ends (-1 when there is none). */
function nextTag(html: string, from: number): number {
  for (let start = html.indexOf('<', from); start !== -1; start = html.indexOf('<', start + 1)) if (matchesAt(tagPattern, html, start)) return start;
  return -1;
}

/** Where the next quote or `&` is at or after `from` (Infinity when there is none). */
function nextMark(html: string, from: number): number {
  markPattern.lastIndex = from;
  return markPattern.exec(html)?.index ?? Number.POSITIVE_INFINITY;
}

/** `html` with the quotes of its text curled; `html` itself when it has none to curl. */
export function curlHtml(html: string): string {
  let out = '';
  let copied = 0;
  let last = '';
  let skipping: RegExp | undefined;
  let mark = nextMark(html, 0);
  let at = 0;
  for (;;) {
    const start = nextTag(html, at);
    const end = start === -1 ? html.length : start;
    if (!skipping && end > at) {
      if (mark < at) mark = nextMark(html, at);
      if (mark >= end) last = html[end - 1]!;
      else {
        const piece = html.slice(at, end);
        const curled = curlQuotes(piece.includes('&') ? piece.replace(quoteEntity, (entity) => entities[entity]!) : piece, last);
        if (curled.length > 0) last = curled.at(-1)!;
        if (curled !== piece) {
          out += html.slice(copied, at) + curled;
          copied = end;
        }
      }
    }
    if (start === -1) break;
    at = tagPattern.lastIndex;
    const closing = html.charCodeAt(start + 1) === 0x2f;
    const name = start + (closing ? 2 : 1);
    if (skipping) {
      if (closing && matchesAt(skipping, html, name)) skipping = undefined;
    } else if (!closing && html.charCodeAt(at - 2) !== 0x2f && matchesAt(verbatim, html, name))
      skipping = verbatimEach.find((pattern) => matchesAt(pattern, html, name));
    // A reset matters only after text a quote would not open after anyway (a line's end, mostly).
    if (last !== '' && last !== '\n' && last !== ' ' && !matchesAt(inline, html, name)) last = '';
  }
  return copied === 0 ? html : out + html.slice(copied);
}
