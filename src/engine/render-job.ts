/**
 * Rendering a valid brief's formats for its job: the PDF prints the HTML output itself, so the HTML
 * is rendered once for both, and a failure leaves nothing of the brief to write.
 */
import { dirname } from 'node:path';
import type { Fragments } from '../model/fragments.js';
import type { BriefChanges } from '../publish/model-diff.js';
import { renderPdfSource } from '../render/render.js';
import { TemplateError } from '../render/template-error.js';
import { trackTemplateUsage } from '../render/template-usage.js';
import type { Brief } from '../types.js';
import { generator } from '../version.js';
import type { BriefJob, BriefJobResult } from './brief-job-types.js';
import { renderBrief } from './render-brief.js';

/** What rendering adds to a job's result. */
export type RenderedParts = Pick<BriefJobResult, 'outputs' | 'pdf' | 'templateError' | 'renderError'>;

const utf8 = new TextEncoder();

/** Renders `job.formats` of `brief`; a template or other failure is returned, never thrown. */
export async function renderJob(job: BriefJob, brief: Brief, changes: BriefChanges | null, fragments: Fragments | undefined): Promise<RenderedParts> {
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
  };
  const parts: RenderedParts = { outputs: [], pdf: null, templateError: null, renderError: null };
  try {
    // The PDF prints the HTML output itself: render it once for both.
    const rendered = job.formats.filter((format) => format !== 'pdf');
    if (job.formats.includes('pdf') && !rendered.includes('html')) rendered.push('html');
    for (const format of rendered) {
      const { result: data, used } = await trackTemplateUsage(() => renderBrief(brief, format, options));
      if (typeof data === 'string' && format === 'html' && job.formats.includes('pdf')) {
        const printed = job.site ? await trackTemplateUsage(() => renderBrief(brief, 'html', { ...options, site: false })) : { result: data, used };
        parts.pdf = { ...renderPdfSource(brief, options, printed.result), used: [...printed.used] };
      }
      if (job.formats.includes(format)) parts.outputs.push({ format, data: typeof data === 'string' ? utf8.encode(data) : data, used: [...used] });
    }
  } catch (error) {
    if (error instanceof TemplateError) parts.templateError = error;
    else parts.renderError = error instanceof Error ? error : new Error(String(error));
    parts.outputs = [];
    parts.pdf = null;
  }
  return parts;
}
