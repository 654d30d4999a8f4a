/**
 * The work a build does for one brief before printing: load it (read, parse, validate) and
 * render the formats asked for. It is a plain function of plain data so that it runs the same
 * on the build's own thread or in a worker process (see worker-pool.ts).
 */
import { listedAs } from '../cache/brief-entry.js';
import { readModel } from '../cache/model-cache.js';
import { keepSearchEntry } from '../publish/search-entries.js';
import { diffBriefs } from '../publish/model-diff.js';
import { forgetFields, seedFields } from '../render/field-cache.js';
import { adoptPlainBasis } from '../render/plain-basis.js';
import { type BriefJob, type BriefJobResult, unrendered } from './brief-job-types.js';
import { cacheKey, keepModel, loadCached } from './job-model-cache.js';
import { loadBrief } from './load.js';
import { previousPublication } from './previous-publication.js';
import { type RenderedParts, renderJob } from './render-job.js';
import { type Staging, stageOutputs } from './stage-outputs.js';

export type { BriefJob, BriefJobResult, LaterParts, RenderedOutput } from './brief-job-types.js';

/**
 * Loads the brief at `job.path` (from the model cache when it can) and, when it is valid, renders
 * `job.formats`; `onStage` hears each stage as it starts (a worker tells its pool). A preview's job
 * gives `onFirst` the result with the HTML alone, then returns one with the other formats alone.
 * The result comes once its staged outputs (BriefJob.stageIn) are on disk.
 */
export async function runBriefJob(
  job: BriefJob,
  onStage?: (stage: 'parse' | 'render') => void,
  onFirst?: (first: BriefJobResult) => void | Promise<void>,
): Promise<BriefJobResult> {
  return (await stageBriefJob(job, onStage, onFirst)).synced;
}

/** `runBriefJob`, done as soon as its work is, while its staged outputs are still being synced to disk (a worker starts its next job meanwhile). */
export async function stageBriefJob(
  job: BriefJob,
  onStage?: (stage: 'parse' | 'render') => void,
  onFirst?: (first: BriefJobResult) => void | Promise<void>,
): Promise<Staging> {
  onStage?.('parse');
  const key = cacheKey(job);
  const cached = key && job.modelCache!.reuse ? readModel(job.modelCache!.dir, key) : null;
  // The trees stay on this thread: the result (sent back from a worker) carries only the outputs.
  const { fragments, ...loaded } = cached
    ? { ...(await loadCached(job, cached)), fragments: undefined }
    : await loadBrief(job.path, { cwd: job.cwd, sourcesDir: job.sourcesDir, limits: job.limits, fields: job.fields });
  const meta = loaded.brief?.meta ?? null;
  const result: BriefJobResult = { ...loaded, meta, ...unrendered(), parsed: !cached };
  const brief = loaded.brief;
  if (!brief || job.formats.length === 0) return { result, synced: Promise.resolve(result) };
  if (cached) {
    seedFields(brief.meta.id, cached.fields);
    // A sealed entry's model is the templates' copy as it was made; a checked one is made again.
    if (cached.sealed) adoptPlainBasis(brief, cached.codePoints, cached.showContents);
  }
  const previous = job.since ? await (await previousPublication(job.since, job.cwd, job.build)).get(brief.meta.id) : null;
  result.changes = previous ? diffBriefs(previous.brief, brief) : null;
  onStage?.('render');
  const first = onFirst && ((parts: RenderedParts) => onFirst({ ...result, ...parts }));
  Object.assign(result, await renderJob(job, brief, result.changes, fragments, first));
  // A cache that cannot be written (read-only, full) costs only the next build's time.
  if (key && !result.templateError && !result.renderError) await keepModel(job, key, loaded, cached).catch(() => undefined);
  // A lean job's brief is not rendered again by this process (its model does not even go back).
  if (job.lean) forgetFields(brief.meta.id);
  const json = result.outputs.find((output) => output.format === 'json');
  if (job.modelCache && json) await keepSearchEntry(job.modelCache.dir, listedAs(brief), json.data).catch(() => undefined);
  return stageOutputs(job, result);
}
