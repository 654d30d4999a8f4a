/**
 * Each published brief's part of the search index (see search-merge.ts), kept in the build cache
 * under `search/`, keyed on what it indexes: a brief whose model, title, summary and keywords are
 * unchanged is not read or indexed again. An entry is used only when it carries its own key and its
 * seal vouches for it (cache/sealed-file.ts), or, not sealed in this format, it parses; anything
 * else is rebuilt. Entries of briefs no longer published are removed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { z } from 'zod';
import { pruneCacheFiles, writeCacheFile } from '../io/cache-file.js';
import { sha256 } from '../io/hash.js';
import { readSealed, sealed } from '../cache/sealed-file.js';
import { modelText } from '../render/plain-text.js';
import type { ManifestBrief } from './manifest.js';
import type { SearchEntry } from './search-merge.js';
import { entryFor } from './search-terms.js';
import { type SearchSetup, searchSetup } from './search-setup.js';

export type { SearchSetup } from './search-setup.js';

const folder = 'search';
/** What an entry not sealed in this format must parse as (exported for its test). */
export const searchEntrySchema = z.object({
  key: z.string(),
  fieldLength: z.array(z.number()),
  terms: z.array(z.string()),
  counts: z.array(z.number()),
});

/** The entry format the seals vouch for: a change of `searchEntrySchema` needs a new one. */
const shape = 'search-entry 1';

type StoredEntry = z.infer<typeof searchEntrySchema>;

/** What a brief's entry is made from besides its model: as the manifest lists it. */
type Listed = Pick<ManifestBrief, 'id' | 'title' | 'summary' | 'keywords'>;

const jsonOutput = (brief: ManifestBrief) => brief.outputs.find((output) => output.format === 'json');

/** What an entry depends on: the brief as listed, and the hash of its published model (null without JSON). */
function keyOf(setup: SearchSetup, brief: Listed, modelHash: string | null): string {
  return sha256(JSON.stringify([setup.version, setup.fields, brief.id, brief.title, brief.summary, brief.keywords, modelHash]));
}

/** What `brief`'s entry depends on. */
export function entryKey(setup: SearchSetup, brief: ManifestBrief): string {
  return keyOf(setup, brief, jsonOutput(brief)?.sha256 ?? null);
}

/** `brief` alone as an entry; a brief published without its model is found by its title, summary and keywords. */
function indexed(setup: SearchSetup, brief: Listed, model: unknown): SearchEntry {
  return entryFor(setup.fields, { title: brief.title, summary: brief.summary, keywords: brief.keywords.join(' '), text: model ? modelText(model) : '' });
}

/** Indexes `brief` alone, reading its model from `outDir`. */
async function indexBrief(setup: SearchSetup, outDir: string, brief: ManifestBrief): Promise<SearchEntry> {
  const json = jsonOutput(brief);
  const model = json
    ? await readFile(join(outDir, json.path), 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => null)
    : null;
  return indexed(setup, brief, model);
}

/**
 * Indexes a brief just rendered from its JSON output's bytes (the model as it will be published)
 * and keeps the entry in `cacheDir` under the key the publish step will look it up by. A brief's
 * job does this on its worker, in parallel with the others, so that publishing does not read and
 * index every model again on the build's own thread.
 */
export async function keepSearchEntry(cacheDir: string, brief: Listed, json: Uint8Array): Promise<void> {
  const setup = searchSetup();
  const key = keyOf(setup, brief, sha256(json));
  const entry = indexed(setup, brief, JSON.parse(new TextDecoder().decode(json)));
  await writeCacheFile(cacheDir, `${folder}/${key}.json`, sealed(shape, { key, ...entry }));
}

/** The part of a one-document MiniSearch index (serialised) as an entry. */
export function entryOf(serialised: ReturnType<MiniSearch['toJSON']>, fieldCount: number): SearchEntry {
  const terms: string[] = [];
  const counts: number[] = [];
  for (const [term, data] of serialised.index) {
    terms.push(term);
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) counts.push(data[fieldId]?.[0] ?? 0);
  }
  return { fieldLength: serialised.fieldLength[0] ?? [], terms, counts };
}

/** A brief's part as read from the cache (`sealed`: its seal vouched for it). */
export interface CachedPart {
  entry: SearchEntry;
  sealed: boolean;
}

/** The cached entry for `key`, or null. */
function readEntry(setup: SearchSetup, cacheDir: string, key: string): CachedPart | null {
  const read = readSealed(join(cacheDir, folder, `${key}.json`), shape);
  if (!read) return null;
  // Thousands of terms an entry: a schema check of each costs more than reading them.
  const parsed = read.trusted ? { success: true as const, data: read.value as StoredEntry } : searchEntrySchema.safeParse(read.value);
  if (!parsed.success || parsed.data.key !== key) return null;
  const { fieldLength, terms, counts } = parsed.data;
  return counts.length === terms.length * setup.fields.length ? { entry: { fieldLength, terms, counts }, sealed: read.trusted } : null;
}

/**
 * The cached parts of `briefs` (as the last manifest lists them), read a few at a time with a turn
 * of the event loop between: a build starts this while its briefs render on workers, so that
 * publishing finds the parts of the unchanged ones already read. Parts are keyed by what they
 * index, so one read early is the one publishing would read.
 */
export async function readPartsAhead(cacheDir: string, briefs: readonly ManifestBrief[]): Promise<Map<string, CachedPart>> {
  const setup = searchSetup();
  const parts = new Map<string, CachedPart>();
  for (const [index, brief] of briefs.entries()) {
    if (index % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    const key = entryKey(setup, brief);
    const part = readEntry(setup, cacheDir, key);
    if (part) parts.set(key, part);
  }
  return parts;
}

/**
 * Every brief's entry, in order: read ahead (`ahead`), else from the cache in `cacheDir` when it
 * has it (and kept current there), else indexed now. One at a time, so that the caller folds each
 * into the index and none is held longer than that.
 */
export async function* searchEntries(
  setup: SearchSetup,
  outDir: string,
  briefs: readonly ManifestBrief[],
  cacheDir?: string,
  ahead?: ReadonlyMap<string, CachedPart>,
): AsyncGenerator<SearchEntry> {
  const keys = briefs.map((brief) => entryKey(setup, brief));
  for (const [position, brief] of briefs.entries()) {
    const key = keys[position] as string;
    const cached = ahead?.get(key) ?? (cacheDir ? readEntry(setup, cacheDir, key) : null);
    const entry = cached?.entry ?? (await indexBrief(setup, outDir, brief));
    // Written again unless sealed in this format already.
    if (cacheDir && !cached?.sealed) await writeCacheFile(cacheDir, `${folder}/${key}.json`, sealed(shape, { key, ...entry }));
    yield entry;
  }
  if (cacheDir) await pruneCacheFiles(cacheDir, folder, new Set(keys.map((key) => `${key}.json`)));
}
