/**
 * Rendering a valid brief's formats for its job: the PDF prints the HTML output itself, so the HTML
 * is rendered once for both, and a failure leaves nothing of the brief to write. A preview's job
 * renders the HTML first and hands it over (`onFirst`) while the other formats are still to come.
 */
import { dirname } from 'node:path';
import type { Fragments } from '../model/fragments.js';
import type { BriefChanges } from '../publish/model-diff.js';
import { htmlBytes } from '../render/font-splice.js';
import { renderPdfSource } from '../render/render.js';
import { TemplateError } from '../render/template-error.js';
import { trackTemplateUsage } from '../render/template-usage.js';
import type { Format } from '../render/formats.js';
import type { Brief } from '../types.js';
import { generator } from '../version.js';
import type { BriefJob, BriefJobResult } from './brief-job-types.js';
import { renderBrief } from './render-brief.js';

/** What rendering adds to a job's result. */
export type RenderedParts = Pick<BriefJobResult, 'outputs' | 'pdf' | 'templateError' | 'renderError'>;

const utf8 = new TextEncoder();

/** An output as UTF-8 bytes, encoded once here (see RenderedOutput). */
const bytesOf = (brief: Brief, format: Format, data: string | Uint8Array) =>
  typeof data !== 'string' ? data : format === 'html' ? htmlBytes(brief, data) : utf8.encode(data);

/** The formats to render, in order (the PDF's HTML among them), and how many of them a preview hands over first. */
function renderOrder(job: BriefJob): { formats: Exclude<Format, 'pdf'>[]; first: number } {
  const formats = job.formats.filter((format): format is Exclude<Format, 'pdf'> => format !== 'pdf');
  if (job.formats.includes('pdf') && !formats.includes('html')) formats.push('html');
  if (!job.previewFirst || formats.length < 2) return { formats, first: formats.length };
  return { formats: ['html', ...formats.filter((format) => format !== 'html')], first: 1 };
}

/**
 * Renders `job.formats` of `brief`; a template or other failure is returned, never thrown. When
 * `onFirst` is given and the job is a preview's, it gets the HTML (and the PDF's source) as soon as
 * they are rendered, and the parts returned hold only the formats rendered after them.
 */
export async function renderJob(
  job: BriefJob,
  brief: Brief,
  changes: BriefChanges | null,
  fragments: Fragments | undefined,
  onFirst?: (parts: RenderedParts) => void | Promise<void>,
): Promise<RenderedParts> {
  const env = job.sourceDateEpoch === undefined ? {} : { SOURCE_DATE_EPOCH: job.sourceDateEpoch };
  const options = {
    templates: job.templates,
    cwd: job.cwd,
    baseDir: dirname(job.path),
    changes: changes?.view,
    paper: job.paper,
    generator,
    env,
    site: job.site === true,
    fragments,
    // Every brief of the build renders with the template files its first brief found.
    templateSnapshot: job.build,
  };
  const parts: RenderedParts = { outputs: [], pdf: null, templateError: null, renderError: null };
  try {
    // The PDF prints the HTML output itself: render it once for both.
    const { formats: rendered, first } = renderOrder(job);
    for (const [index, format] of rendered.entries()) {
      if (index === first && onFirst) {
        // Awaited: a worker's message must be on its way before the next format holds the thread.
        await onFirst({ ...parts });
        parts.outputs = [];
        parts.pdf = null;
      }
      const { result: data, used } = await trackTemplateUsage(() => renderBrief(brief, format, options));
      if (typeof data === 'string' && format === 'html' && job.formats.includes('pdf')) {
        const printed = job.site ? await trackTemplateUsage(() => renderBrief(brief, 'html', { ...options, site: false })) : { result: data, used };
        parts.pdf = { ...renderPdfSource(brief, options, printed.result), used: [...printed.used] };
      }
      if (job.formats.includes(format)) parts.outputs.push({ format, data: bytesOf(brief, format, data), used: [...used] });
    }
  } catch (error) {
    if (error instanceof TemplateError) parts.templateError = error;
    else parts.renderError = error instanceof Error ? error : new Error(String(error));
    parts.outputs = [];
    parts.pdf = null;
  }
  return parts;
}
