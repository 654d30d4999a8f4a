/**
 * A job's use of the model cache: a brief unchanged since it was last validated is not parsed
 * again, and a newly validated one is kept for the next build — never under a stale key.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { modelKey, type CachedModel, writeModel } from '../cache/model-cache.js';
import { decodeFile, encodeFile } from '../cache/plain-file.js';
import { briefSourceHash } from '../cache/source-hash.js';
import { fieldsKey } from '../config/fields.js';
import { fieldGroup, fieldsAdded, fieldsOf } from '../render/field-cache.js';
import { plainBasis } from '../render/plain-basis.js';
import { decodeUtf8 } from '../source/text.js';
import type { BriefJob } from './brief-job-types.js';
import type { LoadedOne } from './load.js';

/** The model cache entry's key for this job; null without a cache or with `--sources-dir` (quotes depend on other files). */
export function cacheKey(job: BriefJob): string | null {
  if (!job.modelCache || job.sourcesDir) return null;
  return modelKey(job.modelCache.sourceHash, relative(job.cwd, job.path) || job.path, job.limits, fieldsKey(job.fields));
}

/**
 * The brief as loadBrief gives it, from its cache entry: only its text is read again, and not for
 * a lean job's brief without problems (its result goes back without the text, thread-codec.ts).
 */
export async function loadCached(job: BriefJob, cached: CachedModel): Promise<LoadedOne> {
  // Read at once: a job has nothing to do while it waits, and the promise's open, stat, read and
  // close each cost a trip through the thread pool (measured in bench/README.md).
  const text = job.lean && cached.file.messages.length === 0 ? '' : decodeUtf8(readFileSync(job.path)).text;
  const file = decodeFile({ ...cached.file, value: text });
  return {
    path: job.path,
    file,
    brief: cached.brief,
    quotes: cached.quotes,
    quotesVerified: cached.quotesVerified,
    id: cached.brief.meta.id,
    idPlace: cached.idPlace,
  };
}

/**
 * Keeps a valid brief's model and rendered fields, unless the entry already holds them all under
 * this build's seal; and only if the brief still hashes as it did when the build began (an edit
 * while it was parsed must not be filed under the old text's key).
 */
export async function keepModel(job: BriefJob, key: string, loaded: LoadedOne, cached: CachedModel | null): Promise<void> {
  const brief = loaded.brief!;
  if (cached?.sealed && fieldsAdded(brief.meta.id) === 0) return;
  if (!cached && briefSourceHash(job.path).hash !== job.modelCache!.sourceHash) return;
  const { path, messages } = encodeFile(loaded.file);
  // The templates' copy: what a render needs of the model, worked out once (the render made it already).
  const { plain, codePoints, showContents } = plainBasis(brief);
  const model = {
    brief: plain,
    file: { path, messages },
    quotes: loaded.quotes,
    quotesVerified: loaded.quotesVerified,
    idPlace: loaded.idPlace,
    codePoints: [...codePoints].sort((a, b) => a - b),
    showContents,
    fields: fieldsOf(brief.meta.id),
  };
  await writeModel(job.modelCache!.dir, key, model, fieldGroup);
}
