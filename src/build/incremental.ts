/**
 * The incremental side of a build: which briefs can be skipped (same source, same template
 * inputs, same options, outputs untouched on disk), what each rebuilt output was made from, and
 * at the end the cache, manifest and index page, with stale outputs removed.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { templateDirs } from '../render/templates.js';
import type { Brief } from '../types.js';
import { findBriefs } from './find.js';
import { readCache, writeCache, type BuildCache, type CacheEntry } from './cache.js';
import { TemplateInputs, optionsKey } from './cache-inputs.js';
import { isOutputFresh } from './fresh.js';
import { sha256 } from './hash.js';
import { briefSourceHash } from './source-hash.js';
import { createManifest, manifestEntry, manifestFileName, readManifest, writeManifest, type Manifest, type ManifestBrief } from './manifest.js';
import { writeIndexPage } from './index-page.js';
import { removeOrphanTempFiles, removeOutputs, staleEntries } from './stale.js';
import type { PreviousPublication } from './since.js';
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
}

export class IncrementalBuild {
  /** Sources whose every requested output is fresh: not even parsed. */
  readonly unchanged: CacheEntry[] = [];
  /** Absolute paths of the sources to load (parse and validate). */
  readonly toLoad: string[] = [];
  private readonly hashes = new Map<string, string>();
  private readonly seen = new Map<string, string>();

  private constructor(
    private readonly options: IncrementalOptions,
    private readonly cache: BuildCache,
    private readonly previous: Manifest | null,
    private readonly inputs: TemplateInputs,
    private readonly cacheDir: string,
  ) {}

  /** Reads the cache and previous manifest and sorts the briefs at `paths` into unchanged and to-load. */
  static async open(paths: readonly string[], options: IncrementalOptions): Promise<IncrementalBuild> {
    const cacheDir = resolve(options.cwd, options.cacheDir ?? join(options.outDir, '.cache'));
    await removeOrphanTempFiles(options.outDir);
    const build = new IncrementalBuild(
      options,
      await readCache(cacheDir, options.outDir),
      await readManifest(join(options.outDir, manifestFileName)),
      new TemplateInputs(templateDirs({ templates: options.templates, cwd: options.cwd })),
      cacheDir,
    );
    for (const path of await findBriefs(paths.length > 0 ? paths : ['briefs'], options.cwd)) {
      const hash = await briefSourceHash(path).catch(() => sha256(path));
      build.hashes.set(path, hash);
      const entry = build.cache.entries[build.sourceOf(path)];
      const fresh = !options.force && entry?.sourceHash === hash && (await build.freshFormats(entry, hash)).length === options.formats.length;
      if (fresh) {
        build.unchanged.push(entry);
        build.seen.set(entry.source, entry.id);
      } else build.toLoad.push(path);
    }
    return build;
  }

  private sourceOf(path: string): string {
    return relative(this.options.cwd, path) || path;
  }

  private async sinceKey(id: string): Promise<string | null> {
    return (await this.options.since?.get(id))?.hash ?? null;
  }

  private async freshFormats(entry: CacheEntry, sourceHash: string): Promise<Format[]> {
    const since = await this.sinceKey(entry.id);
    const fresh: Format[] = [];
    for (const format of this.options.formats) {
      const record = entry.outputs[format];
      if (record?.sourceHash === sourceHash && (await isOutputFresh(record, optionsKey(format, { paper: this.options.paper, since }), this.inputs, this.options.outDir))) fresh.push(format);
    }
    return fresh;
  }

  /** The formats a loaded, valid brief must render now (all, with `--force`). */
  async formatsToRender(path: string, brief: Brief): Promise<Format[]> {
    const source = this.sourceOf(path);
    this.seen.set(source, brief.meta.id);
    const entry = this.cache.entries[source];
    const hash = this.hashes.get(path) ?? '';
    if (this.options.force || !entry || entry.id !== brief.meta.id) return [...this.options.formats];
    const fresh = await this.freshFormats(entry, hash);
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
    const fresh = await this.freshFormats(entry, this.hashes.get(path) ?? '');
    return this.options.formats.filter((format) => !fresh.includes(format));
  }

  /** The id an unchanged brief other than `path` already publishes as `id`, if any. */
  unchangedWithId(id: string): CacheEntry | undefined {
    return this.unchanged.find((entry) => entry.id === id);
  }

  /** Records an output just written for `brief`, with the template files its render used. */
  async record(path: string, brief: Brief, format: Format, written: { path: string; data: string | Uint8Array }, used: ReadonlyMap<string, string>): Promise<void> {
    const source = this.sourceOf(path);
    const sourceHash = this.hashes.get(path) ?? '';
    const old = this.cache.entries[source];
    const { meta } = brief;
    const entry: CacheEntry = {
      source, sourceHash, id: meta.id, title: meta.title, date: meta.date, classification: meta.classification, builtAt: this.options.now,
      outputs: old && old.id === meta.id ? old.outputs : {},
    };
    this.cache.entries[source] = entry;
    const info = await stat(written.path);
    entry.outputs[format] = {
      path: relative(this.options.outDir, written.path), bytes: info.size, sha256: sha256(written.data), mtimeMs: info.mtimeMs, sourceHash,
      optionsKey: optionsKey(format, { paper: this.options.paper, since: await this.sinceKey(meta.id) }), inputs: this.inputs.hashAll(used),
    };
  }

  /** Writes the cache, manifest and index, and removes stale outputs; returns the paths removed. */
  async finish(): Promise<{ removed: string[]; manifest: Manifest }> {
    const { cwd, outDir } = this.options;
    const current = new Map<string, ManifestBrief>();
    for (const [source, entry] of Object.entries(this.cache.entries)) {
      if (!existsSync(resolve(cwd, source))) delete this.cache.entries[source];
      else if (Object.keys(entry.outputs).length > 0 && (!this.seen.has(source) || this.seen.get(source) === entry.id)) current.set(entry.id, manifestEntry(entry));
    }
    const previous = this.previous?.briefs ?? [];
    const stale = staleEntries(previous, this.seen, cwd);
    for (const entry of previous) if (!current.has(entry.id) && !stale.includes(entry)) current.set(entry.id, entry);
    const manifest = createManifest(current.values());
    const keep = new Set(manifest.briefs.flatMap((entry) => entry.outputs.map((output) => output.path)));
    const removed = await removeOutputs(outDir, stale, keep);
    await writeCache(this.cacheDir, this.cache);
    await writeManifest(outDir, manifest);
    await writeIndexPage(outDir, manifest);
    return { removed, manifest };
  }
}
