/**
 * Typographic quotes for the writer's text: `Kestria's` → `Kestria’s`, `"a deal"` → `“a deal”`,
 * so that their text matches what the templates print. Hand-written because the libraries that
 * do this (smartypants and its ports) work on whole HTML documents or Markdown source and bring
 * dashes, ellipses and HTML entity output with them; briefsmith needs only the quotes, on text
 * that arrives in pieces (HTML text between tags, Word runs), with the character before each
 * piece carried over so a quote just after `<em>` or at the start of a run still turns the right way.
 *
 * The rule, for `'` and `"`: after a letter, digit or closing punctuation it closes (and `'`
 * between letters is an apostrophe, which is the same character ’); anywhere else it opens, except
 * `'` before a digit (`'90s`), which is an apostrophe.
 */

const opensAfter = /[\s([{\u2014\u2013\-/\u2018\u201c]/u;

/** Curls the quotes of one piece of text; `before` is the character that precedes it ('' at a start). */
export function curlQuotes(text: string, before = ''): string {
  if (!text.includes("'") && !text.includes('"')) return text;
  // From quote to quote: the text between them is copied as it is (a test of every character cost
  // more than the rest of rendering a cached brief's HTML).
  const quotes = /['"]/g;
  let out = '';
  let from = 0;
  let written = '';
  for (let match = quotes.exec(text); match; match = quotes.exec(text)) {
    const index = match.index;
    // The character before, as written: a quote just before was curled.
    const previous = index === 0 ? before : index === from ? written : text[index - 1]!;
    const opening = previous === '' || opensAfter.test(previous);
    if (text[index] === "'") written = opening && !/\d/.test(text[index + 1] ?? '') ? '\u2018' : '\u2019';
    else written = opening ? '\u201c' : '\u201d';
    out += text.slice(from, index) + written;
    from = index + 1;
  }
  return out + text.slice(from);
}

/**
 * Curls text that arrives in pieces (Word runs, HTML text nodes): each call continues from the
 * last character of the previous one; `reset()` at a paragraph boundary.
 */
export class QuoteCurler {
  private last = '';

  curl(text: string): string {
    const curled = curlQuotes(text, this.last);
    if (curled.length > 0) this.last = curled.at(-1)!;
    return curled;
  }

  /** Carries on after `text` that is not curled (code, or a quote mark a template adds). */
  follow(text: string): void {
    if (text.length > 0) this.last = text.at(-1)!;
  }

  reset(): void {
    this.last = '';
  }
}

/** Elements whose text is code or not text at all: left as written. */
const verbatim = new Set(['style', 'script', 'code', 'pre', 'kbd', 'samp', 'textarea']);
/** Inline elements: a quote just after one of these tags continues the text before it. */
const inline = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'dfn', 'em', 'i', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'wbr']);

const entities: Record<string, string> = { '&#x27;': "'", '&#39;': "'", '&apos;': "'", '&quot;': '"', '&#34;': '"', '&#x22;': '"' };
const quoteEntity = /&#x27;|&#39;|&apos;|&quot;|&#34;|&#x22;/g;

/** Whether `code` may follow a tag name's first letter (`[\w-]`). */
const inName = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d;

/**
 * A tag's name in lower case and whether it closes: what `/^<(\/?)([a-zA-Z][\w-]*)/` finds (no
 * name, and not closing, where it finds nothing), read code by code because a match array per tag
 * cost more than curling the text.
 */
function tagOf(piece: string): { closing: boolean; tag: string } {
  const closing = piece.charCodeAt(1) === 0x2f;
  const start = closing ? 2 : 1;
  const first = piece.charCodeAt(start);
  if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a))) return { closing: false, tag: '' };
  let end = start + 1;
  while (end < piece.length && inName(piece.charCodeAt(end))) end++;
  return { closing, tag: piece.slice(start, end).toLowerCase() };
}

/**
 * Curls the quotes in the text of an HTML document or fragment made of `pieces` (text at even
 * indexes, tags at odd ones, as `htmlPieces` gives them). Attribute values, CSS and code are
 * left alone; quotes written as entities (Handlebars escapes `'` and `"`) are curled too.
 */
export function curlHtmlPieces(pieces: string[]): string[] {
  const curler = new QuoteCurler();
  let skipping: string | null = null;
  const out = new Array<string>(pieces.length);
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    out[index] = piece;
    if (index % 2 === 1) {
      const { closing, tag } = tagOf(piece);
      if (skipping) {
        if (closing && tag === skipping) skipping = null;
      } else if (!closing && verbatim.has(tag) && !piece.endsWith('/>')) skipping = tag;
      if (!inline.has(tag)) curler.reset();
    } else if (!skipping && piece !== '') {
      out[index] = curler.curl(piece.includes('&') ? piece.replace(quoteEntity, (entity) => entities[entity]!) : piece);
    }
  }
  return out;
}
