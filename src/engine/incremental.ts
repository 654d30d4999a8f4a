/**
 * The incremental side of a build: which briefs can be skipped (same source, same template
 * inputs, same options, outputs untouched on disk), what each rebuilt output was made from, and
 * at the end the cache, manifest and index page, with stale outputs removed.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../errors/report.js';
import { templateDirs } from '../render/templates.js';
import { defaultLimits, type ParseLimits } from '../source/limits.js';
import type { Brief } from '../types.js';
import { findBriefs } from '../source/find.js';
import { cacheFileName, readCache, writeCache, type BuildCache, type CacheEntry } from '../cache/cache.js';
import { TemplateInputs, optionsKey } from '../cache/cache-inputs.js';
import { isOutputFresh } from '../cache/fresh.js';
import { sha256 } from '../io/hash.js';
import { briefSourceHash, type SourceHash } from '../cache/source-hash.js';
import { createManifest, manifestEntry, manifestFileName, readManifestSync, writeManifest, type Manifest, type ManifestBrief } from '../publish/manifest.js';
import { publish, writeAssets } from '../publish/publish.js';
import { inShard, type Shard } from '../publish/shard.js';
import { plainText } from '../render/plain-text.js';
import { briefStylesheet } from '../render/render.js';
import { layouts } from '../model/schema.js';
import { fontAssets, stylesheetAsset, type SiteAsset } from '../render/site-assets.js';
import { removeOrphanTempFiles, removeOutputs, staleEntries } from '../publish/stale.js';
import type { PreviousPublication } from '../publish/since.js';
import type { Format } from './render-brief.js';

export interface IncrementalOptions {
  cwd: string;
  outDir: string;
  cacheDir?: string | undefined;
  formats: readonly Format[];
  templates?: string | undefined;
  force?: boolean | undefined;
  paper?: string | undefined;
  since?: PreviousPublication | undefined;
  /** Build time written for rebuilt briefs (ISO 8601). */
  now: string;
  /** The parse limits: a brief over them is hashed without looking for the images it references. */
  limits?: Partial<ParseLimits> | undefined;
  /** Site mode: the HTML links `assets/` (see site-assets.ts). */
  site?: boolean | undefined;
  /** Absolute URL of the published folder, for the feed. */
  baseUrl?: string | undefined;
  /** Build only this shard's briefs and write a manifest fragment, no index, feed or search (see merge.ts). */
  shard?: ShardBuild | undefined;
}

/** A shard build: which part, and the fingerprint every shard of one build must share. */
export interface ShardBuild extends Shard {
  fingerprint: string;
}

export class IncrementalBuild {
  /** Sources whose every requested output is fresh: not even parsed. */
  readonly unchanged: CacheEntry[] = [];
  /** Absolute paths of the sources to load (parse and validate). */
  readonly toLoad: string[] = [];
  /** Absolute path → its source hash this build. */
  private readonly hashes = new Map<string, SourceHash>();
  private readonly seen = new Map<string, string>();
  /** Warnings about a damaged manifest or cache (files with one message each). */
  readonly ignoredRecords: VFile[] = [];
  private readonly limits: ParseLimits;
  /** Whether the cache now differs from its file: a no-op build writes nothing. */
  private dirty: boolean;

  private constructor(
    private readonly options: IncrementalOptions,
    private readonly cache: BuildCache,
    private readonly previous: Manifest | null,
    private readonly inputs: TemplateInputs,
    private readonly cacheDir: string,
  ) {
    const given = Object.entries(options.limits ?? {}).filter(([, limit]) => limit !== undefined);
    this.limits = { ...defaultLimits, ...Object.fromEntries(given) };
    // An empty cache may be a missing, corrupt or foreign one: replace it.
    this.dirty = Object.keys(cache.entries).length === 0;
  }

  /** Reads the cache and previous manifest and sorts the briefs at `paths` into unchanged and to-load. */
  static async open(paths: readonly string[], options: IncrementalOptions): Promise<IncrementalBuild> {
    const cacheDir = resolve(options.cwd, options.cacheDir ?? join(options.outDir, '.cache'));
    await removeOrphanTempFiles(options.outDir);
    // A build killed while writing the cache leaves its temp file there.
    if (cacheDir !== options.outDir) await removeOrphanTempFiles(cacheDir, cacheFileName);
    const cache = readCache(cacheDir, options.outDir);
    const manifestPath = join(options.outDir, manifestFileName);
    const previous = readManifestSync(manifestPath);
    const build = new IncrementalBuild(
      options,
      cache.cache,
      previous.manifest,
      new TemplateInputs(templateDirs({ templates: options.templates, cwd: options.cwd })),
      cacheDir,
    );
    if (previous.problem) build.recordIgnored(manifestPath, 'manifest', previous.problem);
    if (cache.ignored > 0)
      build.recordIgnored(join(cacheDir, cacheFileName), 'build cache', `${cache.ignored} invalid entr${cache.ignored === 1 ? 'y' : 'ies'} ignored`);
    const now = Date.now();
    for (const path of await findBriefs(paths.length > 0 ? paths : ['briefs'], options.cwd)) {
      if (!inShard(build.sourceOf(path), options.shard)) continue;
      const entry = build.cache.entries[build.sourceOf(path)];
      const { hash } = build.hashSource(path, entry, now);
      const fresh =
        !options.force && entry?.sourceHash === hash && build.freshFormats(entry, hash, await build.sinceKey(entry.id)).length === options.formats.length;
      if (fresh) {
        build.unchanged.push(entry);
        build.seen.set(entry.source, entry.id);
      } else build.toLoad.push(path);
    }
    return build;
  }

  /** One warning for a damaged manifest or cache: what was ignored, never what it named. */
  private recordIgnored(path: string, what: string, reason: string): void {
    const file = new VFile({ path: relative(this.options.cwd, path) || path });
    report(file, 'build-record-ignored', undefined, { what, reason });
    this.ignoredRecords.push(file);
  }

  /** The brief's source hash, reusing the cached one while its stamp matches. */
  private hashSource(path: string, entry: CacheEntry | undefined, now: number): SourceHash {
    let source: SourceHash;
    try {
      source = briefSourceHash(path, entry && { hash: entry.sourceHash, stamp: entry.sourceStamp }, now, this.limits);
    } catch {
      // Unreadable: loading it reports why; the path keeps it apart from every real hash.
      source = { hash: sha256(path), stamp: null, settlesAt: Infinity };
    }
    this.hashes.set(path, source);
    return source;
  }

  private sourceOf(path: string): string {
    return relative(this.options.cwd, path) || path;
  }

  /** The `--since` input of brief `id` (null without `--since`): sync unless there is one to read. */
  private sinceKey(id: string): string | null | Promise<string | null> {
    return this.options.since ? this.options.since.get(id).then((previous) => previous?.hash ?? null) : null;
  }

  private freshFormats(entry: CacheEntry, sourceHash: string, since: string | null): Format[] {
    const fresh: Format[] = [];
    for (const format of this.options.formats) {
      const record = entry.outputs[format];
      if (record?.sourceHash !== sourceHash) continue;
      const mtimeMs = record.mtimeMs;
      if (!isOutputFresh(record, optionsKey(format, { paper: this.options.paper, since, site: this.options.site }), this.inputs, this.options.outDir)) continue;
      fresh.push(format);
      // Same content under a new mtime (a restored out dir): remember it, not hash it every build.
      if (record.mtimeMs !== mtimeMs) this.dirty = true;
    }
    return fresh;
  }

  /** The formats a loaded, valid brief must render now (all, with `--force`). */
  async formatsToRender(path: string, brief: Brief): Promise<Format[]> {
    const source = this.sourceOf(path);
    this.seen.set(source, brief.meta.id);
    const entry = this.cache.entries[source];
    const hash = this.hashes.get(path)?.hash ?? '';
    if (this.options.force || !entry || entry.id !== brief.meta.id) return [...this.options.formats];
    const fresh = this.freshFormats(entry, hash, await this.sinceKey(entry.id));
    return this.options.formats.filter((format) => !fresh.includes(format));
  }

  /**
   * The formats a brief about to be loaded will most likely render: all without a cache entry
   * (or with `--force`), else the stale ones. `formatsToRender` has the final say once the brief
   * is loaded (its id may have changed).
   */
  async plannedFormats(path: string): Promise<Format[]> {
    const entry = this.cache.entries[this.sourceOf(path)];
    if (this.options.force || !entry) return [...this.options.formats];
    const fresh = this.freshFormats(entry, this.hashes.get(path)?.hash ?? '', await this.sinceKey(entry.id));
    return this.options.formats.filter((format) => !fresh.includes(format));
  }

  /** The model cache for the brief at `path`: the cache dir and the source hash taken this build. */
  modelCache(path: string): { dir: string; sourceHash: string; reuse: boolean } | undefined {
    const hashed = this.hashes.get(path);
    return hashed && { dir: this.cacheDir, sourceHash: hashed.hash, reuse: !this.options.force };
  }

  /** The id an unchanged brief other than `path` already publishes as `id`, if any. */
  unchangedWithId(id: string): CacheEntry | undefined {
    return this.unchanged.find((entry) => entry.id === id);
  }

  /** Records an output just written for `brief`, with the template files its render used. */
  async record(
    path: string,
    brief: Brief,
    format: Format,
    written: { path: string; data: string | Uint8Array },
    used: ReadonlyMap<string, string>,
    changes: { since: string; summary: string } | null = null,
  ): Promise<void> {
    const source = this.sourceOf(path);
    const hashed = this.hashes.get(path);
    const sourceHash = hashed?.hash ?? '';
    const old = this.cache.entries[source];
    const { meta } = brief;
    const entry: CacheEntry = {
      source,
      sourceHash,
      sourceStamp: hashed?.stamp ?? null,
      id: meta.id,
      title: meta.title,
      date: meta.date,
      classification: meta.classification,
      summary: plainText(meta.summary),
      keywords: meta.keywords,
      authors: meta.authors,
      changes,
      builtAt: this.options.now,
      outputs: old && old.id === meta.id ? old.outputs : {},
    };
    this.cache.entries[source] = entry;
    this.dirty = true;
    const info = statSync(written.path);
    entry.outputs[format] = {
      path: relative(this.options.outDir, written.path),
      bytes: info.size,
      sha256: sha256(written.data),
      mtimeMs: info.mtimeMs,
      sourceHash,
      optionsKey: optionsKey(format, { paper: this.options.paper, since: await this.sinceKey(meta.id), site: this.options.site }),
      inputs: TemplateInputs.recorded(used),
    };
  }

  /** Writes the cache, manifest and index, and removes stale outputs; returns the paths removed. */
  async finish(): Promise<{ removed: string[]; manifest: Manifest }> {
    const { outDir } = this.options;
    const found = this.stampSources();
    const current = new Map<string, ManifestBrief>();
    for (const [source, entry] of Object.entries(this.cache.entries)) {
      if (!found.has(source) && !this.exists(source)) {
        delete this.cache.entries[source];
        this.dirty = true;
      } else if (Object.keys(entry.outputs).length > 0 && (!this.seen.has(source) || this.seen.get(source) === entry.id))
        current.set(entry.id, manifestEntry(entry));
    }
    const previous = this.previous?.briefs ?? [];
    const stale = staleEntries(previous, this.seen, (source) => this.exists(source));
    for (const entry of previous) if (!current.has(entry.id) && !stale.includes(entry)) current.set(entry.id, entry);
    const { shard } = this.options;
    const manifest: Manifest = { ...createManifest(current.values()), ...(shard ? { shard } : {}) };
    const keep = new Set(manifest.briefs.flatMap((entry) => entry.outputs.map((output) => output.path)));
    const removed = await removeOutputs(outDir, stale, keep);
    const styleAssets = this.styleAssets();
    // Each file fsync'd: written side by side, the waits overlap.
    await Promise.all([
      this.dirty ? writeCache(this.cacheDir, this.cache) : undefined,
      writeManifest(outDir, manifest),
      // A shard writes its part; the merge publishes the whole once.
      shard ? writeAssets(outDir, styleAssets) : publish(outDir, manifest, { styleAssets, baseUrl: this.options.baseUrl }),
    ]);
    return { removed, manifest };
  }

  /** The stylesheet and fonts site-mode pages link; none for standalone pages. */
  private styleAssets(): SiteAsset[] {
    if (!this.options.site || !this.options.formats.includes('html')) return [];
    const fonts = fontAssets();
    const dirs = templateDirs({ templates: this.options.templates, cwd: this.options.cwd });
    // One stylesheet per layout: which layouts the briefs use is not known for unchanged ones.
    return [fonts.stylesheet, ...fonts.files, ...layouts.map((layout) => stylesheetAsset(briefStylesheet(dirs, layout)))];
  }

  /** Whether `source` (relative) is a brief of this build: on disk, and in its shard. */
  private exists(source: string): boolean {
    return existsSync(resolve(this.options.cwd, source)) && inShard(source, this.options.shard);
  }

  /**
   * Gives each cache entry whose source hash is current the stamp of this build's hash, so the
   * next build can skip hashing it. A source changed too recently to stamp at the start is hashed
   * again now if it has settled since (as after a long first build), and stamped only if it still
   * hashes the same. Returns the sources found this build.
   */
  private stampSources(): Set<string> {
    const found = new Set<string>();
    for (const [path, hashed] of this.hashes) {
      const source = this.sourceOf(path);
      found.add(source);
      const entry = this.cache.entries[source];
      if (!entry || entry.sourceHash !== hashed.hash) continue;
      let stamp = hashed.stamp;
      if (!stamp && hashed.settlesAt <= Date.now()) {
        try {
          const again = briefSourceHash(path, undefined, Date.now(), this.limits);
          if (again.hash === hashed.hash) stamp = again.stamp;
        } catch {
          // Gone or unreadable now: the next build finds out.
        }
      }
      if (stamp && stamp !== entry.sourceStamp && stamp.join('\n') !== entry.sourceStamp?.join('\n')) {
        entry.sourceStamp = stamp;
        this.dirty = true;
      }
    }
    return found;
  }
}
