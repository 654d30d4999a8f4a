/**
 * The work a build does for one brief before printing: load it (read, parse, validate) and
 * render the formats asked for. It is a plain function of plain data so that it runs the same
 * on the build's own thread or in a worker process (see worker-pool.ts).
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { ParseLimits } from '../model/parse-brief.js';
import { renderPdfSource, type PdfSource } from '../render/render.js';
import { TemplateError } from '../render/template-error.js';
import { trackTemplateUsage } from '../render/template-usage.js';
import { generator } from '../version.js';
import { loadBrief, type LoadedOne } from './load.js';
import { renderBrief } from './render-brief.js';
import type { Format } from '../render/formats.js';
import { diffBriefs, type BriefChanges } from '../publish/model-diff.js';
import { PreviousPublication } from '../publish/since.js';
import { fieldsOf, seedFields } from '../render/field-cache.js';
import { decodeUtf8 } from '../source/text.js';
import { modelKey, readModel, writeModel, type CachedModel } from '../cache/model-cache.js';
import { briefSourceHash } from '../cache/source-hash.js';
import { decodeFile, encodeFile } from '../cache/plain-file.js';
import { fieldsKey, type FieldDeclarations } from '../config/fields.js';

export interface BriefJob {
  /** Absolute path of the brief. */
  path: string;
  cwd: string;
  sourcesDir?: string | undefined;
  limits?: Partial<ParseLimits> | undefined;
  /** Formats to render when the brief is valid; `pdf` renders the HTML Chromium prints. */
  formats: readonly Format[];
  templates?: string | undefined;
  paper?: 'a4' | 'letter' | undefined;
  /** `--since`: the previous publication to compare with. */
  since?: string | undefined;
  /** Which build this job belongs to: the previous publication is read once per build. */
  build: string;
  /** SOURCE_DATE_EPOCH of the build's environment: the date inside .docx files. */
  sourceDateEpoch?: string | undefined;
  /**
   * The model cache (model-cache.ts): its folder, the brief's source hash from the build's
   * freshness check, and whether an entry may be used (not with `--force`).
   */
  modelCache?: { dir: string; sourceHash: string; reuse: boolean } | undefined;
  /** Site mode: the HTML output links `assets/`; the PDF still prints standalone HTML. */
  site?: boolean | undefined;
  /** The project's declared front-matter fields: plain data, so it crosses to a worker thread as is. */
  fields?: FieldDeclarations | undefined;
}

/** A rendered output (text, or the .docx) and the template files its render used (relative name → hash of the text used). */
export interface RenderedOutput {
  format: Exclude<Format, 'pdf'>;
  /**
   * UTF-8 bytes, encoded once here: hashing and writing then never re-encode the string (~1 ms
   * for a 370 KB HTML page with its fonts), and a worker hands the buffer over without copying.
   */
  data: Uint8Array;
  used: Array<[string, string]>;
}

export interface BriefJobResult extends LoadedOne {
  outputs: RenderedOutput[];
  /** What Chromium prints, when `pdf` was asked for. */
  pdf: (PdfSource & { used: Array<[string, string]> }) | null;
  changes: BriefChanges | null;
  /** A template that failed while rendering this brief: nothing of it is written. */
  templateError: TemplateError | null;
  /** Any other failure while rendering (reported as a build failure of this brief). */
  renderError: Error | null;
  /** False when the brief's model came from the model cache instead of being parsed. */
  parsed: boolean;
}

const utf8 = new TextEncoder();

let publication: { key: string; opened: Promise<PreviousPublication> } | undefined;

/** The previous publication, opened once per build (a later build may compare with a newer one). */
function previousPublication(since: string, cwd: string, build: string): Promise<PreviousPublication> {
  const key = `${build}\0${resolve(cwd, since)}`;
  if (publication?.key !== key) publication = { key, opened: PreviousPublication.open(since, cwd) };
  return publication.opened;
}

/** The model cache entry's key for this job; null without a cache or with `--sources-dir` (quotes depend on other files). */
function cacheKey(job: BriefJob): string | null {
  if (!job.modelCache || job.sourcesDir) return null;
  return modelKey(job.modelCache.sourceHash, relative(job.cwd, job.path) || job.path, job.limits, fieldsKey(job.fields));
}

/** The brief as loadBrief gives it, from its cache entry: only its text is read again (for code frames). */
async function loadCached(job: BriefJob, cached: CachedModel): Promise<LoadedOne> {
  const { text } = decodeUtf8(await readFile(job.path));
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
 * Keeps a valid brief's model and rendered fields, unless the entry already holds them all; and
 * only if the brief still hashes as it did when the build began (an edit while it was parsed
 * must not be filed under the old text's key).
 */
async function keepModel(job: BriefJob, key: string, loaded: LoadedOne, cached: CachedModel | null): Promise<void> {
  const brief = loaded.brief!;
  const fields = fieldsOf(brief.meta.id);
  if (cached && Object.keys(fields).length <= Object.keys(cached.fields).length) return;
  if (!cached && briefSourceHash(job.path).hash !== job.modelCache!.sourceHash) return;
  const { path, messages } = encodeFile(loaded.file);
  await writeModel(job.modelCache!.dir, key, {
    brief,
    file: { path, messages },
    quotes: loaded.quotes,
    quotesVerified: loaded.quotesVerified,
    idPlace: loaded.idPlace,
    fields,
  });
}

/**
 * Loads the brief at `job.path` (from the model cache when it can) and, when it is valid, renders
 * `job.formats`; `onStage` hears each stage as it starts (a worker tells its pool).
 */
export async function runBriefJob(job: BriefJob, onStage?: (stage: 'parse' | 'render') => void): Promise<BriefJobResult> {
  onStage?.('parse');
  const key = cacheKey(job);
  const cached = key && job.modelCache!.reuse ? readModel(job.modelCache!.dir, key) : null;
  // The trees stay on this thread: the result (sent back from a worker) carries only the outputs.
  const { fragments, ...loaded } = cached
    ? { ...(await loadCached(job, cached)), fragments: undefined }
    : await loadBrief(job.path, { cwd: job.cwd, sourcesDir: job.sourcesDir, limits: job.limits, fields: job.fields });
  const result: BriefJobResult = { ...loaded, outputs: [], pdf: null, changes: null, templateError: null, renderError: null, parsed: !cached };
  const brief = loaded.brief;
  if (!brief || job.formats.length === 0) return result;
  if (cached) seedFields(brief.meta.id, cached.fields);
  const previous = job.since ? await (await previousPublication(job.since, job.cwd, job.build)).get(brief.meta.id) : null;
  result.changes = previous ? diffBriefs(previous.brief, brief) : null;
  onStage?.('render');
  const env = job.sourceDateEpoch === undefined ? {} : { SOURCE_DATE_EPOCH: job.sourceDateEpoch };
  const options = {
    templates: job.templates,
    cwd: job.cwd,
    baseDir: dirname(job.path),
    changes: result.changes?.view,
    paper: job.paper,
    generator,
    env,
    site: job.site === true,
    fragments,
  };
  try {
    // The PDF prints the HTML output itself: render it once for both.
    const rendered = job.formats.filter((format) => format !== 'pdf');
    if (job.formats.includes('pdf') && !rendered.includes('html')) rendered.push('html');
    for (const format of rendered) {
      const { result: data, used } = await trackTemplateUsage(() => renderBrief(brief, format, options));
      if (typeof data === 'string' && format === 'html' && job.formats.includes('pdf')) {
        const printed = job.site ? await trackTemplateUsage(() => renderBrief(brief, 'html', { ...options, site: false })) : { result: data, used };
        result.pdf = { ...renderPdfSource(brief, options, printed.result), used: [...printed.used] };
      }
      if (job.formats.includes(format)) result.outputs.push({ format, data: typeof data === 'string' ? utf8.encode(data) : data, used: [...used] });
    }
  } catch (error) {
    if (error instanceof TemplateError) result.templateError = error;
    else result.renderError = error instanceof Error ? error : new Error(String(error));
    result.outputs = [];
    result.pdf = null;
  }
  // A cache that cannot be written (read-only, full) costs only the next build's time.
  if (key && !result.templateError && !result.renderError) await keepModel(job, key, loaded, cached).catch(() => undefined);
  return result;
}
