/**
 * Each published brief's part of the search index (see search-merge.ts), kept in the build cache
 * under `search/`, keyed on what it indexes: a brief whose model, title, summary and keywords are
 * unchanged is not read or indexed again. An entry is used only when it parses and carries its own
 * key; anything else is rebuilt. Entries of briefs no longer published are removed.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { pruneCacheFiles, writeCacheFile } from '../io/cache-file.js';
import { sha256 } from '../io/hash.js';
import { modelText } from '../render/plain-text.js';
import type { ManifestBrief } from './manifest.js';
import type { SearchEntry } from './search-merge.js';

const folder = 'search';
const entrySchema = z.object({
  key: z.string(),
  fieldLength: z.array(z.number()),
  terms: z.array(z.string()),
  counts: z.array(z.number()),
});

export interface SearchSetup {
  fields: readonly string[];
  /** Part of every entry's key: the library's version decides how text becomes terms. */
  version: string;
}

const jsonOutput = (brief: ManifestBrief) => brief.outputs.find((output) => output.format === 'json');

/** What `brief`'s entry depends on. */
export function entryKey(setup: SearchSetup, brief: ManifestBrief): string {
  return sha256(JSON.stringify([setup.version, setup.fields, brief.id, brief.title, brief.summary, brief.keywords, jsonOutput(brief)?.sha256 ?? null]));
}

/** Indexes `brief` alone, reading its model from `outDir`; a brief published without JSON is found by its title, summary and keywords. */
async function indexBrief(setup: SearchSetup, outDir: string, brief: ManifestBrief): Promise<SearchEntry> {
  const json = jsonOutput(brief);
  const model = json
    ? await readFile(join(outDir, json.path), 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => null)
    : null;
  const search = new MiniSearch({ fields: [...setup.fields], idField: 'id' });
  search.add({ id: brief.id, title: brief.title, summary: brief.summary, keywords: brief.keywords.join(' '), text: model ? modelText(model) : '' });
  return entryOf(search.toJSON(), setup.fields.length);
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

function readEntry(setup: SearchSetup, cacheDir: string, key: string): SearchEntry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(readFileSync(join(cacheDir, folder, `${key}.json`), 'utf8')));
    if (!parsed.success || parsed.data.key !== key) return null;
    const { fieldLength, terms, counts } = parsed.data;
    return counts.length === terms.length * setup.fields.length ? { fieldLength, terms, counts } : null;
  } catch {
    return null;
  }
}

/** Every brief's entry, from the cache in `cacheDir` when it has it (and kept current there), else indexed now. */
export async function searchEntries(setup: SearchSetup, outDir: string, briefs: readonly ManifestBrief[], cacheDir?: string): Promise<SearchEntry[]> {
  const keys = briefs.map((brief) => entryKey(setup, brief));
  const entries: SearchEntry[] = [];
  for (const [position, brief] of briefs.entries()) {
    const key = keys[position] as string;
    const cached = cacheDir ? readEntry(setup, cacheDir, key) : null;
    const entry = cached ?? (await indexBrief(setup, outDir, brief));
    if (cacheDir && !cached) await writeCacheFile(cacheDir, `${folder}/${key}.json`, JSON.stringify({ key, ...entry }));
    entries.push(entry);
  }
  if (cacheDir) await pruneCacheFiles(cacheDir, folder, new Set(keys.map((key) => `${key}.json`)));
  return entries;
}
