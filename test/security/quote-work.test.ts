/**
 * The nearest-passage search for a quote that is not found measures edit distances only for a
 * few windows, ranked by shared words: counted here by wrapping the distance function (a miss
 * against a 1.2 MB source used to measure one at every word, 84 s for ten quotes).
 */
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('fastest-levenshtein', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastest-levenshtein')>();
  return {
    ...original,
    distance: (left: string, right: string) => {
      calls.count++;
      return original.distance(left, right);
    },
  };
});

const { nearestPassage } = await import('../../src/validate/quotes.js');

describe('nearestPassage', () => {
  const words = ['port', 'talks', 'minister', 'grain', 'corridor', 'agreement', 'review', 'officials', 'said', 'the', 'of', 'and'];
  const source = Array.from({ length: 200_000 }, (_, index) => words[(index * 7919) % words.length]).join(' ');

  it('measures a bounded number of windows against a 1.2 MB source, and still finds the passage', () => {
    const passage = 'the minister said that the port agreement remains under review while officials consider the grain corridor';
    const haystack = `${source.slice(0, 600_000)} ${passage} ${source.slice(600_000)}`;
    calls.count = 0;
    const found = nearestPassage(passage.replace('review', 'discussion'), haystack);
    expect(found.text).toContain('remains under review');
    // 8 windows, then one per word boundary near the best window's end (about 1.5 × the quote's words).
    expect(calls.count).toBeLessThan(60);
    for (let quote = 0; quote < 10; quote++) nearestPassage('x'.repeat(400), haystack);
    expect(calls.count).toBeLessThan(60 + 10 * 300);
  });
});
