/**
 * Arabic runs inside left-to-right prose: found once here so the HTML and the Word output mark the
 * same runs right to left and give them the Arabic face.
 */
import type { RootContent } from 'mdast';

/** A run of Arabic script: letters, marks, Arabic digits and punctuation, and the spaces, digits and ZWNJ/ZWJ between them. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWNJ and ZWJ are meant as characters of their own inside the run
export const arabicRun = /[\p{Script=Arabic}](?:[\p{Script=Arabic}\p{M}\u200c\u200d\d ]*[\p{Script=Arabic}\p{M}])?/gu;

/**
 * Wraps Arabic runs in `<span dir="rtl" lang="ar">` so they read right to left inside
 * left-to-right prose (an isolate: neighbouring punctuation and numbers keep their order) and
 * get the bundled Arabic face through `:lang(ar)` in the stylesheet.
 */
export function isolateArabic(value: string): RootContent[] {
  const parts: RootContent[] = [];
  let last = 0;
  for (const match of value.matchAll(arabicRun)) {
    if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
    parts.push({ type: 'emphasis', data: { hName: 'span', hProperties: { dir: 'rtl', lang: 'ar' } }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value }];
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}
