/**
 * Where satteri (the native parser) is known to give a different tree from micromark, found by
 * the differential test (test/parser-differential.test.ts). A text with any of these shapes is
 * parsed by micromark. Each check errs wide: a false alarm costs only speed, a miss would change
 * a brief's model. Hand-written because the list is specific to these two parsers.
 */

/** Why satteri must not parse `text` (already normalised to LF), or null when it may. */
export function nativeRisk(text: string): string | null {
  if (text.includes('\t')) return 'tab'; // leaf labels ending in a tab lose it
  if (text.includes('``')) return 'double backtick'; // a text directive before such code is missed
  if (attributeOrderRisk(text)) return 'attribute order'; // satteri lists `#id` and `.class` last
  if (/"[^"\n]*\}[^"\n]*"|'[^'\n]*\}[^'\n]*'/.test(text)) return 'brace in a quoted value'; // satteri ends the attributes there
  if (autolinkAfterPunctuation.test(text)) return 'literal link after punctuation'; // micromark links it without positions
  const label = labelRisk(text);
  if (label) return label;
  if (!text.includes(':::')) return null;
  if (tableRowBeforeFence(text)) return 'table row before a fence'; // satteri keeps the fence as a row
  if (/^ {0,3}\[[^\]\n]*\]:/m.test(text)) return 'definition inside a container';
  if (/^( {4}| {0,3}```| {0,3}~~~)/m.test(text)) return 'code block with directives';
  if (/^:{3,}[A-Za-z][^\n]*\n(?:[ ]*\n)*:{3,}[ ]*$/m.test(text)) return 'empty container';
  return fenceRisk(text);
}

/**
 * A literal `www.`, `http(s)://` or e-mail address right after a character that micromark's GFM
 * tokenizer does not take before one (`[`, `"`, a letter before `www.` …): micromark links it in
 * a later pass that gives the link no positions, satteri with them.
 */
const autolinkAfterPunctuation = /[^\s*_~(](?:www\.|https?:\/\/)|[^\s*_~(\w.+-][\w.+-]+@[\w-]+\./i;

/** A delimiter row of a GFM table (`|---|:--:|`), however indented or quoted. */
export const delimiterRow = /^[ >]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Lines looked at above a `|` line for a delimiter row; past them it counts as a table (linear work). */
const lookBack = 64;

/**
 * A line with a `|` right before a container fence, in a block of lines that has a delimiter row
 * at or above it: a table row. A `|` in a paragraph there is no risk (both parsers agree without a table).
 */
function tableRowBeforeFence(text: string): boolean {
  for (const match of text.matchAll(/\|[^\n]*\n:{3}/g)) {
    let end = text.indexOf('\n', match.index);
    for (let seen = 0; ; seen++) {
      if (seen === lookBack) return true;
      const start = text.lastIndexOf('\n', end - 1) + 1;
      const line = text.slice(start, end);
      if (line.trim() === '') break;
      if (line.includes('|') && line.includes('-') && delimiterRow.test(line)) return true;
      if (start === 0) break;
      end = start - 1;
    }
  }
  return false;
}

/** micromark keeps attributes in the order they first appear, satteri puts `id` then `class` last. */
function attributeOrderRisk(text: string): boolean {
  for (const [, inside = ''] of text.matchAll(/\{([^}\n]*)\}/g)) {
    const kinds = inside
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => '#.'.indexOf(token[0]!));
    // Safe only as plain names, then ids, then classes: -1 … 0 … 1.
    if (kinds.some((kind, index) => index > 0 && kind < kinds[index - 1]!)) return true;
  }
  return false;
}

/** Directive labels over a line break (satteri does not parse them) or with edge whitespace. */
function labelRisk(text: string): string | null {
  for (const match of text.matchAll(/:[A-Za-z][\w-]*\[/g)) {
    const open = match.index + match[0].length - 1;
    if (/\s/.test(text[open + 1] ?? '')) return 'label starts with a space';
    let depth = 0;
    for (let index = open; index < text.length; index++) {
      const character = text[index];
      if (character === '\n') return 'label over a line break';
      if (character === '\\') {
        index++;
        if (text[index] === '\n') return 'label over a line break';
      } else if (character === '[') depth++;
      else if (character === ']' && --depth === 0) {
        if (/\s/.test(text[index - 1] ?? '')) return 'label ends with a space';
        break;
      }
    }
  }
  return null;
}

/** Container fences must open and close at line starts and balance (unclosed ones end differently). */
function fenceRisk(text: string): string | null {
  const open: number[] = [];
  for (const [, before, colons = '', after = ''] of text.matchAll(/^(.*?)(:{3,})(.*)$/gm)) {
    if (before !== '') return 'fence inside a line, list or quote';
    if (/^[A-Za-z]/.test(after)) {
      // Same-colon nesting closes the outer block early in micromark: fences.ts reports it from that tree.
      if (open.length > 0 && colons.length >= open[open.length - 1]!) return 'nested fence with as many colons';
      open.push(colons.length);
    } else if (after.trim() !== '') return 'odd fence';
    else if (open.length === 0 || colons.length < open[open.length - 1]!) return 'unmatched fence';
    else open.pop();
  }
  return open.length > 0 ? 'unclosed fence' : null;
}
