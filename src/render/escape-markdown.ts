/**
 * Escaping plain text for Markdown output, with a fast path: most fields are plain words, and
 * to-markdown costs as much for one word as for a paragraph.
 */
import type { Nodes } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { joinLines } from '../source/linear-text.js';
import { markdownWriter } from './markdown-writer.js';

/** Escapes plain text so that Markdown shows it literally (the HTML escaping of `{{x}}` is wrong there). */
const writeMarkdown = markdownWriter({ extensions: [gfmToMarkdown()] });

/**
 * Text that no Markdown construct can start in, which to-markdown gives back unchanged: letters
 * and digits with spaces and plain punctuation, starting with a letter (so nothing at the line's
 * start reads as a list, heading or quote) and ending with no space. `w.`/`W.` and `:` with `/`
 * are left out (GFM's autolink literals escape those). Most plain fields are like this, and
 * to-markdown costs as much for one word as for a paragraph.
 */
const plainMarkdown = /^[\p{L}\p{M}](?:[\p{L}\p{M}\p{N} ,;:.?'"‘’“”()%–—-]*[\p{L}\p{M}\p{N},;:.?'"‘’“”()%–—-])?$/u;

/** Whether `escapeMarkdown(text)` is `text` itself (see `plainMarkdown`; property-tested against to-markdown). */
export function isPlainMarkdown(text: string): boolean {
  return plainMarkdown.test(text) && !/[Ww]\./.test(text) && !text.includes('  ');
}

export function escapeMarkdown(text: string): string {
  if (isPlainMarkdown(text)) return text;
  const tree: Nodes = { type: 'paragraph', children: [{ type: 'text', value: joinLines(text, true) }] };
  // A closing run of `#` after a space would end an ATX heading (`# C #` is the heading "C").
  return writeMarkdown(tree)
    .replace(/\n$/, '')
    .replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3');
}
