/**
 * One MiniSearch index from many one-brief indexes, so a rebuild after one edit indexes one brief
 * rather than every brief again. Hand-written because MiniSearch has no API to combine indexes; it
 * writes MiniSearch's own serialised form (`toJSON`, serializationVersion 2), which `loadJS` reads.
 * The result depends only on the entries and their order, never on an earlier build, and
 * test/search-merge.test.ts holds it equal to MiniSearch indexing the same documents itself.
 *
 * Entries are folded in one at a time and the index is written out in pieces: with every entry
 * held and the index stringified whole, publishing a thousand briefs took more memory than the
 * rest of the build (figures in bench/README.md).
 */

/**
 * One brief's part of the index: its field lengths, its terms, and each term's count in each
 * field (`counts[term * fields + field]`, 0 where the field lacks it) — flat, so that reading it
 * back from the cache and checking it is cheap.
 */
export interface SearchEntry {
  fieldLength: number[];
  terms: string[];
  counts: number[];
}

/** MiniSearch's serialised index, as `toJSON` gives it. */
export interface SerialisedIndex {
  documentCount: number;
  nextId: number;
  documentIds: Record<number, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<number, number[]>;
  averageFieldLength: number[];
  storedFields: Record<string, never>;
  dirtCount: number;
  index: Array<[string, Record<number, Record<number, number>>]>;
  serializationVersion: number;
}

/** Builds the merged index entry by entry (document ids in the order added). */
export class SearchMerger {
  private readonly index = new Map<string, Record<number, Record<number, number>>>();
  private readonly ids: string[] = [];
  private readonly fieldLength: Record<number, number[]> = {};
  private readonly averageFieldLength: number[] = [];

  constructor(private readonly fields: readonly string[]) {}

  /** Adds the document `id` with its entry; the entry is not kept. */
  add(id: string, entry: SearchEntry): void {
    const shortId = this.ids.length;
    this.ids.push(id);
    this.fieldLength[shortId] = entry.fieldLength;
    // MiniSearch keeps a running mean, field by field, as it adds each document: the same float steps.
    entry.fieldLength.forEach((length, fieldId) => {
      this.averageFieldLength[fieldId] = ((this.averageFieldLength[fieldId] ?? 0) * shortId + length) / (shortId + 1);
    });
    const fieldCount = this.fields.length;
    entry.terms.forEach((term, termNumber) => {
      let data = this.index.get(term);
      if (!data) {
        data = {};
        this.index.set(term, data);
      }
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        const count = entry.counts[termNumber * fieldCount + fieldId] ?? 0;
        if (count === 0) continue;
        const postings = data[fieldId] ?? {};
        postings[shortId] = count;
        data[fieldId] = postings;
      }
    });
  }

  /** The serialised index as one object (what `JSON.stringify` of it gives, `chunks` writes in pieces). */
  toJSON(): SerialisedIndex {
    return { ...this.head(), index: [...this.index], serializationVersion: 2 };
  }

  /**
   * The JSON text of `toJSON()` in pieces of about `size` terms each, with `escapeText` applied to
   * each piece (the pieces join to `escapeText(JSON.stringify(toJSON()))` for an escape that maps
   * characters one by one).
   */
  *chunks(escapeText: (json: string) => string, size = 256): Generator<string> {
    const head = JSON.stringify(this.head());
    yield escapeText(`${head.slice(0, -1)},"index":[`);
    let batch: string[] = [];
    let first = true;
    for (const term of this.index) {
      batch.push(JSON.stringify(term));
      if (batch.length < size) continue;
      yield escapeText(`${first ? '' : ','}${batch.join(',')}`);
      first = false;
      batch = [];
    }
    if (batch.length > 0) yield escapeText(`${first ? '' : ','}${batch.join(',')}`);
    yield '],"serializationVersion":2}';
  }

  private head(): Omit<SerialisedIndex, 'index' | 'serializationVersion'> {
    return {
      documentCount: this.ids.length,
      nextId: this.ids.length,
      documentIds: Object.fromEntries(this.ids.map((id, shortId) => [shortId, id])),
      fieldIds: Object.fromEntries(this.fields.map((field, fieldId) => [field, fieldId])),
      fieldLength: this.fieldLength,
      averageFieldLength: this.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
    };
  }
}

/** The serialised index of `entries` (document ids `ids`, in that order) over `fields`. */
export function mergeSearchEntries(fields: readonly string[], ids: readonly string[], entries: readonly SearchEntry[]): SerialisedIndex {
  const merger = new SearchMerger(fields);
  for (const [position, entry] of entries.entries()) merger.add(ids[position] as string, entry);
  return merger.toJSON();
}
