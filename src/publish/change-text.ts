/** How a list of changes quotes and counts what changed (see model-diff.ts). */
import { distance } from 'fastest-levenshtein';
import { withoutCitations } from '../source/linear-text.js';

/** The text of a Markdown field without citations, on one line: what a change list quotes and compares. */
export const plain = (markdown: string | null | undefined) =>
  withoutCitations(markdown ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** The first paragraph of a field, in quotation marks. */
export const quoted = (markdown: string) => `“${plain(markdown.split(/\n[^\S\n]*\n/)[0])}”`;

/** Whether two texts are close enough to be the same statement reworded. */
export const similar = (left: string, right: string) => distance(left, right) <= Math.max(left.length, right.length) * 0.4;

/** Changes counted by kind ("judgment added"), in the order first seen: the summary lists them so. */
export class ChangeCounts {
  private readonly counts = new Map<string, number>();

  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  /** "1 judgment added, 1 likelihood changed, 2 new events". */
  summary(): string {
    return [...this.counts].map(([what, times]) => `${times} ${plural(what, times)}`).join(', ');
  }
}

/** "judgment added" → "judgments added", "new event" → "new events": the noun is the word that is not "new". */
function plural(what: string, times: number): string {
  return times === 1 ? what : what.replace(/^(new )?(\w+)/, (_, prefix: string | undefined, noun: string) => `${prefix ?? ''}${noun}s`);
}
