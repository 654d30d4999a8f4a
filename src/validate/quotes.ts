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

/**
 * The passage of `haystack` (folded) closest to `needle` (folded), by edit distance: the best
 * window of the needle's length that starts on a word, then its end moved to the word boundary
 * that fits best, so the passage shown never stops mid-word.
 */
export function nearestPassage(needle: string, haystack: string): { text: string; distance: number } {
  const length = needle.length;
  let bestStart = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let start = 0; start <= Math.max(0, haystack.length - length); start++) {
    if (start > 0 && haystack[start - 1] !== ' ') continue;
    const score = distance(needle, haystack.slice(start, start + length));
    if (score < bestScore) [bestStart, bestScore] = [start, score];
  }
  let best = { text: '', distance: Number.POSITIVE_INFINITY };
  const last = Math.min(haystack.length, bestStart + Math.ceil(length * 1.5));
  for (let end = bestStart + Math.ceil(length / 2); end <= last; end++) {
    if (end < haystack.length && !/[\s.,;:!?)'"]/.test(haystack[end] ?? '')) continue;
    const text = haystack.slice(bestStart, end);
    const score = distance(needle, text);
    if (score < best.distance || (score === best.distance && Math.abs(text.length - length) < Math.abs(best.text.length - length))) best = { text, distance: score };
  }
  return best;
}

export type SourceText = { text: string } | { error: string };

interface QuoteLike { text?: unknown; source?: unknown }
interface SourceLike { key?: unknown }

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
