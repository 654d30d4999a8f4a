/**
 * Source fidelity: each `:q[…]{source=key}` must appear character for character in the cited
 * source's text, after folding white space and curly/straight quotes. A quote that is not found
 * is an error showing the nearest passage, so the author can see what differs.
 */
import type { VFile } from 'vfile';
import { distance } from 'fastest-levenshtein';
import { report } from '../errors/report.js';
import type { Places } from '../model/places.js';

/** Folds white space, curly quotes and apostrophes so typography does not fail a quote. */
export function foldQuoteText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many candidate windows get an edit distance: the rest are ruled out by shared words. */
const candidateWindows = 8;

/**
 * The passage of `haystack` (folded) closest to `needle` (folded), by edit distance: the best
 * window of the needle's length that starts on a word, then its end moved to the word boundary
 * that fits best, so the passage shown never stops mid-word. An edit distance at every word of
 * a long source cost seconds per quote, so the windows are first ranked by how many of the
 * needle's words they share (one pass over the source), and only the best few are measured.
 */
export function nearestPassage(needle: string, haystack: string): { text: string; distance: number } {
  const length = needle.length;
  let bestStart = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const start of candidateStarts(needle, haystack)) {
    const score = distance(needle, haystack.slice(start, start + length));
    if (score < bestScore) [bestStart, bestScore] = [start, score];
  }
  let best = { text: '', distance: Number.POSITIVE_INFINITY };
  const last = Math.min(haystack.length, bestStart + Math.ceil(length * 1.5));
  for (let end = bestStart + Math.ceil(length / 2); end <= last; end++) {
    if (end < haystack.length && !/[\s.,;:!?)'"]/.test(haystack[end] ?? '')) continue;
    const text = haystack.slice(bestStart, end);
    const score = distance(needle, text);
    if (score < best.distance || (score === best.distance && Math.abs(text.length - length) < Math.abs(best.text.length - length)))
      best = { text, distance: score };
  }
  return best;
}

/** The word starts of `haystack` whose window of the needle's word count shares the most words with it (earliest first on ties). */
function candidateStarts(needle: string, haystack: string): number[] {
  const wanted = new Map<string, number>();
  const needleWords = needle.split(' ').filter(Boolean);
  for (const word of needleWords) wanted.set(word, (wanted.get(word) ?? 0) + 1);
  const starts: number[] = [];
  const words: string[] = [];
  for (let index = 0; index < haystack.length; ) {
    const space = haystack.indexOf(' ', index);
    const end = space === -1 ? haystack.length : space;
    if (end > index) {
      starts.push(index);
      words.push(haystack.slice(index, end));
    }
    index = end + 1;
  }
  if (starts.length === 0) return [0];
  const size = Math.max(1, needleWords.length);
  const inWindow = new Map<string, number>();
  let shared = 0;
  const ranked: Array<{ start: number; shared: number }> = [];
  for (let index = 0; index < words.length; index++) {
    const added = words[index]!;
    const count = inWindow.get(added) ?? 0;
    if (count < (wanted.get(added) ?? 0)) shared++;
    inWindow.set(added, count + 1);
    const leaving = index - size;
    if (leaving >= 0) {
      const removed = words[leaving]!;
      const left = inWindow.get(removed)! - 1;
      inWindow.set(removed, left);
      if (left < (wanted.get(removed) ?? 0)) shared--;
    }
    const first = Math.max(0, index - size + 1);
    if (index >= size - 1 || index === words.length - 1) keepBest(ranked, { start: starts[first]!, shared });
  }
  return ranked.map((candidate) => candidate.start);
}

/** Keeps the `candidateWindows` best windows in `ranked` (most shared words, then earliest). */
function keepBest(ranked: Array<{ start: number; shared: number }>, candidate: { start: number; shared: number }): void {
  if (ranked.length === candidateWindows && ranked[ranked.length - 1]!.shared >= candidate.shared) return;
  let at = ranked.length;
  while (at > 0 && ranked[at - 1]!.shared < candidate.shared) at--;
  ranked.splice(at, 0, candidate);
  if (ranked.length > candidateWindows) ranked.pop();
}

export type SourceText = { text: string } | { error: string };

interface QuoteLike {
  text?: unknown;
  source?: unknown;
}
interface SourceLike {
  key?: unknown;
}

/** Checks every quote against `readSource(key)`; each source is read once. */
export function verifyQuotes(
  file: VFile,
  draft: { quotes?: QuoteLike[]; sources?: SourceLike[] },
  places: Places,
  readSource: (key: string) => SourceText,
): number {
  const cache = new Map<string, SourceText>();
  let verified = 0;
  (draft.quotes ?? []).forEach((quote, index) => {
    const key = typeof quote.source === 'string' ? quote.source : '';
    const text = typeof quote.text === 'string' ? quote.text : '';
    if (!key || !(draft.sources ?? []).some((source) => source.key === key)) return;
    let source = cache.get(key);
    if (!source) {
      const read = readSource(key);
      source = 'text' in read ? { text: foldQuoteText(read.text) } : read;
      cache.set(key, source);
      if ('error' in source) {
        const sourceIndex = (draft.sources ?? []).findIndex((candidate) => candidate.key === key);
        report(file, 'quote-source-missing', places.get(`sources.${sourceIndex}`), { key, reason: source.error });
      }
    }
    if ('error' in source) return;
    const folded = foldQuoteText(text);
    if (source.text.includes(folded)) {
      verified++;
      return;
    }
    const nearest = nearestPassage(folded, source.text);
    const shown = nearest.distance < folded.length / 2 ? `; nearest: \`${nearest.text}\`` : '';
    report(file, 'quote-not-found', places.get(`quotes.${index}`), { quote: text, key, nearest: shown });
  });
  return verified;
}
