/**
 * The build cache while a build changes it: every change goes through here, so that the cache
 * knows whether it still matches its file and a build that changed nothing writes nothing.
 */
import { writeCache, type BuildCache, type CacheEntry, type OutputRecord } from './cache.js';
import { rememberMtimes, type FreshOutputs } from './fresh.js';
import type { SourceHash } from './source-hash.js';
import { stampSources } from './source-stamps.js';
import { modelKey, pruneModels } from './model-cache.js';
import type { Format } from '../render/formats.js';

export class WorkingCache {
  /** Whether the cache now differs from its file. */
  private dirty: boolean;

  constructor(
    private readonly cache: BuildCache,
    /** The cache folder (the model cache lives there too). */
    readonly dir: string,
  ) {
    // An empty cache may be a missing, corrupt or foreign one: replace it.
    this.dirty = Object.keys(cache.entries).length === 0;
  }

  get entries(): Readonly<Record<string, CacheEntry>> {
    return this.cache.entries;
  }

  /** Keeps the new mtimes of fresh outputs restored under another one (see rememberMtimes). */
  remember(entry: CacheEntry, fresh: FreshOutputs): void {
    if (rememberMtimes(entry, fresh)) this.dirty = true;
  }

  /** Files the entry of a brief rendered this build, then one of its outputs. */
  record(entry: CacheEntry, format: Format, output: OutputRecord): void {
    entry.outputs[format] = output;
    this.cache.entries[entry.source] = entry;
    this.dirty = true;
  }

  /** Stamps the current source hashes (see stampSources); returns the sources found this build. */
  stamp(hashes: ReadonlyMap<string, SourceHash>, sourceOf: (path: string) => string): Set<string> {
    const { found, changed } = stampSources(hashes, this.cache.entries, sourceOf);
    if (changed) this.dirty = true;
    return found;
  }

  /** Drops the entries of sources `keep` says are gone. */
  forget(keep: (source: string) => boolean): void {
    for (const source of Object.keys(this.cache.entries)) {
      if (keep(source)) continue;
      delete this.cache.entries[source];
      this.dirty = true;
    }
  }

  /**
   * Removes model-cache entries (model-cache.ts) of briefs the cache no longer knows or that have
   * changed since: kept are those of the briefs hashed this build (`hashes`) and of the cache's
   * remaining entries (briefs outside this build's paths that are still on disk). Call after
   * `forget`. `fields` is the declared fields' key the entries were made with (config/fields.ts).
   * A folder that cannot be read or cleaned costs only disk space.
   */
  pruneModels(hashes: ReadonlyMap<string, SourceHash>, sourceOf: (path: string) => string, limits: unknown, fields = ''): Promise<number> {
    const keys = [
      ...Object.values(this.cache.entries).map((entry) => modelKey(entry.sourceHash, entry.source, limits, fields)),
      ...Array.from(hashes, ([path, hashed]) => modelKey(hashed.hash, sourceOf(path), limits, fields)),
    ];
    return pruneModels(this.dir, keys).catch(() => 0);
  }

  /** Writes the cache when it changed. */
  write(): Promise<void> | undefined {
    return this.dirty ? writeCache(this.dir, this.cache) : undefined;
  }
}
