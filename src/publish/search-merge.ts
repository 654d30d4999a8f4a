/**
 * One MiniSearch index from many one-brief indexes, so a rebuild after one edit indexes one brief
 * rather than every brief again. Hand-written because MiniSearch has no API to combine indexes; it
 * writes MiniSearch's own serialised form (`toJSON`, serializationVersion 2), which `loadJS` reads.
 * The result depends only on the entries and their order, never on an earlier build, and
 * test/search-merge.test.ts holds it equal to MiniSearch indexing the same documents itself.
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

/** The serialised index of `entries` (document ids `ids`, in that order) over `fields`. */
export function mergeSearchEntries(fields: readonly string[], ids: readonly string[], entries: readonly SearchEntry[]) {
  const index = new Map<string, Record<string, Record<number, number>>>();
  const fieldLength: Record<number, number[]> = {};
  const averageFieldLength: number[] = [];
  entries.forEach((entry, shortId) => {
    fieldLength[shortId] = entry.fieldLength;
    // MiniSearch keeps a running mean, field by field, as it adds each document: the same float steps.
    entry.fieldLength.forEach((length, fieldId) => {
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] ?? 0) * shortId + length) / (shortId + 1);
    });
    entry.terms.forEach((term, termNumber) => {
      const data = index.get(term) ?? {};
      index.set(term, data);
      for (let fieldId = 0; fieldId < fields.length; fieldId++) {
        const count = entry.counts[termNumber * fields.length + fieldId] ?? 0;
        if (count === 0) continue;
        const postings = data[fieldId] ?? {};
        postings[shortId] = count;
        data[fieldId] = postings;
      }
    });
  });
  return {
    documentCount: entries.length,
    nextId: entries.length,
    documentIds: Object.fromEntries(ids.map((id, shortId) => [shortId, id])),
    fieldIds: Object.fromEntries(fields.map((field, fieldId) => [field, fieldId])),
    fieldLength,
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index: [...index],
    serializationVersion: 2,
  };
}
