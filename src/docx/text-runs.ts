/**
 * Plain text → Word runs, with typographic quotes, and Arabic passages as right-to-left runs in
 * the Arabic Text style.
 */
import { TextRun } from 'docx';
import { arabicRun } from '../render/rich-text.js';
import { curlQuotes } from '../render/typography.js';
import { styleIds } from './style-ids.js';

/** Formatting inherited from enclosing emphasis, strong, strike-through and styled runs. */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  style?: string;
}

/**
 * Runs for `plain`: Arabic passages right to left in their own style, the rest as `format` says.
 * Its quotes are curled as at the start of a paragraph (text from Markdown comes curled already).
 */
export function textRuns(plain: string, format: RunFormat = {}): TextRun[] {
  const text = curlQuotes(plain);
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(arabicRun)) {
    if (match.index > last) runs.push(new TextRun({ text: text.slice(last, match.index), ...format }));
    runs.push(new TextRun({ ...format, text: match[0], style: styleIds.arabic, rightToLeft: true, language: { bidirectional: 'ar-SA' } }));
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push(new TextRun({ text: last === 0 ? text : text.slice(last), ...format }));
  return runs;
}
