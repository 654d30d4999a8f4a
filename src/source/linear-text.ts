/**
 * Text clean-ups on brief text written as plain loops or single-pass patterns, because the
 * obvious regular expressions (trailing blanks before `$` with the m flag, optional white space
 * around a line break, optional white space before a `{#id}`) backtrack over every position of a
 * long run of white space: a paragraph of 480,000 spaces took ten minutes to render.
 * Each function here is one pass over its input (test/security/linear-text.test.ts).
 */

/** `text` with spaces and tabs removed before each line break and at the end. */
export function trimLineEnds(text: string): string {
  let out = '';
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let cut = end;
    while (cut > start && (text[cut - 1] === ' ' || text[cut - 1] === '\t')) cut--;
    out += text.slice(start, cut);
    if (newline === -1) return out;
    out += '\n';
    start = newline + 1;
  }
}

/** Every run of white space holding a line break (LF, or CR too with `carriageReturns`) becomes one space. */
export function joinLines(text: string, carriageReturns = false): string {
  // `\s+` matches each maximal run once, from its start: linear.
  return text.replace(/\s+/g, (run) => (run.includes('\n') || (carriageReturns && run.includes('\r')) ? ' ' : run));
}

/** A heading's custom id `Title {#id}`: the title before it (white space trimmed) and the id, or null. */
export function customHeadingId(text: string): { title: string; id: string } | null {
  // No leading `\s*` in the pattern: starts only at `{`, and the title is trimmed by hand.
  const match = /\{#([A-Za-z][\w-]*)\}$/.exec(text);
  if (!match) return null;
  return { title: text.slice(0, match.index).trimEnd(), id: match[1]! };
}

/** `markdown` without its `[@…]` citations and the white space before each. */
export function withoutCitations(markdown: string): string {
  let out = '';
  let index = 0;
  for (;;) {
    const open = markdown.indexOf('[@', index);
    const close = open === -1 ? -1 : markdown.indexOf(']', open);
    if (close === -1) return out + markdown.slice(index);
    out += markdown.slice(index, open).trimEnd();
    index = close + 1;
  }
}
