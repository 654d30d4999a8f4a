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
