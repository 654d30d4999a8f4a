/**
 * What a job for one brief carries and what it gives back: plain data only, because the same job
 * crosses to a worker process and its result crosses back (see threads/thread-codec.ts).
 */
import type { FieldDeclarations } from '../config/fields.js';
import type { ParseLimits } from '../model/parse-brief.js';
import type { BriefChanges } from '../publish/model-diff.js';
import type { Format } from '../render/formats.js';
import type { PdfSource } from '../render/render.js';
import type { TemplateError } from '../render/template-error.js';
import type { LoadedOne } from './load.js';
import type { VFileMessage } from 'vfile-message';
import type { BriefMeta } from '../types.js';

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
  /**
   * A live preview: the HTML (and the PDF's source) are handed over as soon as they are rendered,
   * before the other formats, whose outputs alone the final result then holds (see render-job.ts).
   */
  previewFirst?: boolean | undefined;
  /**
   * The build keeps no model (`keepModels: false`) and needs only the brief's meta: a worker sends
   * the result back without the model, which is most of what would cross besides the outputs.
   */
  lean?: boolean | undefined;
  /**
   * The out dir: the job writes its outputs' temp files there itself (fsync'd, `stage-outputs.ts`)
   * and its result carries their names instead of their bytes; the build only renames them.
   */
  stageIn?: string | undefined;
}

/** An output the job wrote to a temp file in the out dir for the build to rename (BriefJob.stageIn). */
export interface StagedOutput {
  format: Exclude<Format, 'pdf'>;
  used: Array<[string, string]>;
  temporary: string;
  bytes: number;
  sha256: string;
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
  /**
   * The model's meta when it loaded (null when `brief` is null): what the build reads of a brief
   * it writes, and all a lean job's result carries of its model (`brief` is null there).
   */
  meta: BriefMeta | null;
  outputs: RenderedOutput[];
  /** The outputs staged in the out dir instead (BriefJob.stageIn): renamed into place or removed by the build. */
  staged: StagedOutput[];
  /** What Chromium prints, when `pdf` was asked for. */
  pdf: (PdfSource & { used: Array<[string, string]> }) | null;
  changes: BriefChanges | null;
  /** A template that failed while rendering this brief: nothing of it is written. */
  templateError: TemplateError | null;
  /** Any other failure while rendering (reported as a build failure of this brief). */
  renderError: Error | null;
  /** False when the brief's model came from the model cache instead of being parsed. */
  parsed: boolean;
  /**
   * Only on the build's thread, in a live preview: the formats rendered after the HTML, which
   * `outputs` then lacks. Absent when everything came at once.
   */
  later?: Promise<LaterParts> | undefined;
  /** Only on the build's thread, in a live preview: the job of the formats rendered once the PDF is printed. */
  deferred?: BriefJob | undefined;
}

/** What a preview's job renders after the HTML, and how that went; it never rejects. */
export interface LaterParts {
  outputs: RenderedOutput[];
  templateError: TemplateError | null;
  /** Any other failure, the worker's own included. */
  renderError: Error | null;
  /** A worker limit stopped the job after the HTML: its `resource-limit` message for the brief. */
  messages: VFileMessage[];
}

/** What a job's result holds before anything is rendered (a fresh object each time: results are filled in). */
export function unrendered(): Pick<BriefJobResult, 'outputs' | 'staged' | 'pdf' | 'changes' | 'templateError' | 'renderError'> {
  return { outputs: [], staged: [], pdf: null, changes: null, templateError: null, renderError: null };
}
