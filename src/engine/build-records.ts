/**
 * What the out dir holds of the builds before this one: the build cache and the manifest, read at
 * the start of a build once the temp files of a killed build are gone. A damaged record is read
 * as empty (everything it covered rebuilds) and reported as one warning.
 */
import { join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../errors/report.js';
import { cacheFileName, readCache, type BuildCache } from '../cache/cache.js';
import { manifestFileName, readManifestSync, type Manifest } from '../publish/manifest.js';
import { removeOrphanTempFiles } from '../publish/stale.js';

export interface BuildRecords {
  cache: BuildCache;
  /** The manifest of the last build into this out dir; null without one. */
  previous: Manifest | null;
  cacheDir: string;
  /** Warnings about a damaged manifest or cache (files with one message each). */
  ignored: VFile[];
}

export async function readBuildRecords(options: { cwd: string; outDir: string; cacheDir?: string | undefined }): Promise<BuildRecords> {
  const { cwd, outDir } = options;
  const cacheDir = resolve(cwd, options.cacheDir ?? join(outDir, '.cache'));
  await removeOrphanTempFiles(outDir);
  // A build killed while writing the cache leaves its temp file there.
  if (cacheDir !== outDir) await removeOrphanTempFiles(cacheDir, cacheFileName);
  const cache = readCache(cacheDir, outDir);
  const manifestPath = join(outDir, manifestFileName);
  const previous = readManifestSync(manifestPath);
  const ignored: VFile[] = [];
  if (previous.problem) ignored.push(ignoredRecord(cwd, manifestPath, 'manifest', previous.problem));
  if (cache.ignored > 0) {
    const reason = `${cache.ignored} invalid entr${cache.ignored === 1 ? 'y' : 'ies'} ignored`;
    ignored.push(ignoredRecord(cwd, join(cacheDir, cacheFileName), 'build cache', reason));
  }
  return { cache: cache.cache, previous: previous.manifest, cacheDir, ignored };
}

/** One warning for a damaged manifest or cache: what was ignored, never what it named. */
function ignoredRecord(cwd: string, path: string, what: string, reason: string): VFile {
  const file = new VFile({ path: relative(cwd, path) || path });
  report(file, 'build-record-ignored', undefined, { what, reason });
  return file;
}
