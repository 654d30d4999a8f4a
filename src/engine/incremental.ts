/**
 * The incremental side of a build: which briefs can be skipped (same source, same template
 * inputs, same options, outputs untouched on disk), what each rebuilt output was made from, and
 * at the end the cache, manifest and index page, with stale outputs removed.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { VFile } from 'vfile';
import type { BriefMeta } from '../types.js';
import { findBriefs } from '../source/find.js';
import { briefEntry, outputRecord } from '../cache/brief-entry.js';
import type { CacheEntry } from '../cache/cache.js';
import type { SourceHash } from '../cache/source-hash.js';
import { currentSourceHash } from '../cache/source-stamps.js';
import { WorkingCache } from '../cache/working-cache.js';
import { fieldsKey } from '../config/fields.js';
import type { Manifest } from '../publish/manifest.js';
import { type CachedPart, readPartsAhead } from '../publish/search-entries.js';
import { inShard } from '../publish/shard.js';
import type { Format } from '../render/formats.js';
import { readBuildRecords, type BuildRecords } from './build-records.js';
import type { IncrementalOptions } from './incremental-options.js';
import { OutputKeys } from './output-keys.js';
import { publishBuild } from './publish-build.js';

export type { IncrementalOptions, ShardBuild } from './incremental-options.js';

export class IncrementalBuild {
  /** Sources whose every requested output is fresh: not even parsed. */
  readonly unchanged: CacheEntry[] = [];
  /** Absolute paths of the sources to load (parse and validate). */
  readonly toLoad: string[] = [];
  /** Absolute path → its source hash this build. */
  private readonly hashes = new Map<string, SourceHash>();
  /** Source (relative) → the id it was loaded or found unchanged with. */
  private readonly seen = new Map<string, string>();
  /** Warnings about a damaged manifest or cache (files with one message each). */
  readonly ignoredRecords: VFile[];
  private readonly cache: WorkingCache;
  private readonly previous: Manifest | null;
  private readonly keys: OutputKeys;
  private searchAhead: Promise<ReadonlyMap<string, CachedPart>> | undefined;

  private constructor(
    private readonly options: IncrementalOptions,
    records: BuildRecords,
  ) {
    this.cache = new WorkingCache(records.cache, records.cacheDir);
    this.previous = records.previous;
    this.ignoredRecords = records.ignored;
    this.keys = new OutputKeys(options);
  }

  /** Reads the cache and previous manifest and sorts the briefs at `paths` into unchanged and to-load. */
  static async open(paths: readonly string[], options: IncrementalOptions): Promise<IncrementalBuild> {
    const build = new IncrementalBuild(options, await readBuildRecords(options));
    const now = Date.now();
    for (const path of await findBriefs(paths.length > 0 ? paths : ['briefs'], options.cwd)) {
      if (inShard(build.sourceOf(path), options.shard)) await build.sort(path, now);
    }
    return build;
  }

  /** Hashes the brief at `path`, and files it as unchanged (every output fresh) or to load. */
  private async sort(path: string, now: number): Promise<void> {
    const entry = this.cache.entries[this.sourceOf(path)];
    const hashed = currentSourceHash(path, entry, now);
    this.hashes.set(path, hashed);
    if (!entry || this.options.force || entry.sourceHash !== hashed.hash) {
      this.toLoad.push(path);
      return;
    }
    const fresh = await this.keys.fresh(entry, hashed.hash);
    this.cache.remember(entry, fresh);
    if (fresh.size < this.options.formats.length) this.toLoad.push(path);
    else {
      this.unchanged.push(entry);
      this.seen.set(entry.source, entry.id);
    }
  }

  private sourceOf(path: string): string {
    return relative(this.options.cwd, path) || path;
  }

  /** The formats a loaded, valid brief must render now (all, with `--force`); notes the id it was loaded with. */
  async formatsToRender(path: string, meta: BriefMeta): Promise<Format[]> {
    const source = this.sourceOf(path);
    this.seen.set(source, meta.id);
    const entry = this.cache.entries[source];
    const hash = this.hashes.get(path)?.hash ?? '';
    if (this.options.force || !entry || entry.id !== meta.id) return [...this.options.formats];
    const fresh = await this.keys.fresh(entry, hash);
    this.cache.remember(entry, fresh);
    return this.options.formats.filter((format) => !fresh.has(format));
  }

  /**
   * The formats a brief about to be loaded will most likely render: all without a cache entry
   * (or with `--force`), else the stale ones. `formatsToRender` has the final say once the brief
   * is loaded (its id may have changed).
   */
  async plannedFormats(path: string): Promise<Format[]> {
    const entry = this.cache.entries[this.sourceOf(path)];
    if (this.options.force || !entry) return [...this.options.formats];
    const fresh = await this.keys.fresh(entry, this.hashes.get(path)?.hash ?? '');
    return this.options.formats.filter((format) => !fresh.has(format));
  }

  /** The model cache for the brief at `path`: the cache dir and the source hash taken this build. */
  modelCache(path: string): { dir: string; sourceHash: string; reuse: boolean } | undefined {
    const hashed = this.hashes.get(path);
    return hashed && { dir: this.cache.dir, sourceHash: hashed.hash, reuse: !this.options.force };
  }

  /** Starts reading the last publication's search parts while the briefs render (see readPartsAhead): for a build that will publish new models. */
  readSearchAhead(): void {
    if (!this.previous || this.options.shard) return;
    this.searchAhead ??= readPartsAhead(this.cache.dir, this.previous.briefs).catch(() => new Map());
  }

  /** The id an unchanged brief other than `path` already publishes as `id`, if any. */
  unchangedWithId(id: string): CacheEntry | undefined {
    return this.unchanged.find((entry) => entry.id === id);
  }

  /** Records an output just written for `brief`, with the template files its render used. */
  async record(
    path: string,
    meta: BriefMeta,
    format: Format,
    written: { path: string; sha256: string },
    used: ReadonlyMap<string, string>,
    changes: { since: string; summary: string } | null = null,
  ): Promise<void> {
    const source = this.sourceOf(path);
    const key = this.keys.optionsKeyOf(format, await this.keys.sinceKey(meta.id));
    // Read after the wait: a preview records a brief's later formats and its PDF side by side.
    const old = this.cache.entries[source];
    const outputs = old && old.id === meta.id ? old.outputs : {};
    const entry = briefEntry({ source, hashed: this.hashes.get(path), meta, builtAt: this.options.now, changes, outputs });
    this.cache.record(entry, format, outputRecord(this.options.outDir, written, { sourceHash: entry.sourceHash, optionsKey: key, used }));
  }

  /** Writes the cache, manifest and index, and removes stale outputs; returns the paths removed. */
  async finish(): Promise<{ removed: string[]; manifest: Manifest }> {
    const found = this.cache.stamp(this.hashes, (path) => this.sourceOf(path));
    // Entries of briefs neither found this build nor on disk go.
    this.cache.forget((source) => found.has(source) || this.exists(source));
    await this.cache.pruneModels(this.hashes, (path) => this.sourceOf(path), this.options.limits, fieldsKey(this.options.fields));
    return publishBuild(this.options, {
      entries: this.cache.entries,
      seen: this.seen,
      previous: this.previous,
      exists: (source) => this.exists(source),
      writeCache: () => this.cache.write(),
      cacheDir: this.cache.dir,
      searchAhead: this.searchAhead,
    });
  }

  /** Whether `source` (relative) is a brief of this build: on disk, and in its shard. */
  private exists(source: string): boolean {
    return existsSync(resolve(this.options.cwd, source)) && inShard(source, this.options.shard);
  }
}
