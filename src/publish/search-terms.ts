/**
 * One document's entry of the search index (see search-merge.ts) counted directly with
 * MiniSearch's own tokenizer, term processing and radix map, in the order MiniSearch adds them:
 * the same terms, in the same order, with the same counts and field lengths as a one-document
 * index's `toJSON` (test/search-merge.test.ts holds the two equal), without building the
 * document's postings and serialising them only to read them back.
 */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchEntry } from './search-merge.js';

const tokenize = MiniSearch.getDefault('tokenize') as (text: string, fieldName?: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string, fieldName?: string) => string | string[] | null | undefined | false;

/**
 * The entry of `document` over `fields` (each a string; as MiniSearch with its default options indexes it).
 * Terms are counted in a plain Map, then laid out in a radix map once each, in the order first
 * seen: a radix map's shape, and so its order, depends only on which keys were added in what
 * order (fetching a key it holds changes nothing), and a plain Map costs less per repeated token.
 */
export function entryFor(fields: readonly string[], document: Readonly<Record<string, string>>): SearchEntry {
  const countsOf = new Map<string, number[]>();
  const fieldLength: number[] = [];
  const count = (term: string, fieldId: number) => {
    let counts = countsOf.get(term);
    if (!counts) {
      counts = new Array<number>(fields.length).fill(0);
      countsOf.set(term, counts);
    }
    counts[fieldId] = (counts[fieldId] ?? 0) + 1;
  };
  fields.forEach((field, fieldId) => {
    const value = document[field];
    if (value === undefined) return;
    const tokens = tokenize(value, field);
    fieldLength[fieldId] = new Set(tokens).size;
    for (const token of tokens) {
      const processed = processTerm(token, field);
      if (Array.isArray(processed)) for (const term of processed) count(term, fieldId);
      else if (processed) count(processed, fieldId);
    }
  });
  const terms: string[] = [];
  const counts: number[] = [];
  for (const [term, perField] of SearchableMap.from(countsOf)) {
    terms.push(term);
    counts.push(...perField);
  }
  return { fieldLength, terms, counts };
}
