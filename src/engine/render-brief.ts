/** Renders one validated brief to one format; the PDF goes through a shared Printer. */
import type { Brief } from '../types.js';
import { generator as defaultGenerator } from '../version.js';
import { renderHtml, renderJson, renderMarkdown, renderPdfSource, type RenderOptions } from '../render/render.js';
import type { Printer, PrinterOptions } from '../print/printer.js';
import type { Format } from '../render/formats.js';
import { pdfMetadata } from './pdf-metadata.js';
import { refuseFlawed } from '../validate/flawed.js';

export { formats, type Format } from '../render/formats.js';
export { pdfMetadata } from './pdf-metadata.js';

export interface RenderBriefOptions extends RenderOptions {
  /** A launched printer to reuse; without one a PDF render launches and closes its own. */
  printer?: Printer | undefined;
  /** Options for the printer launched when none is given. */
  printerOptions?: PrinterOptions | undefined;
  /** Environment read for SOURCE_DATE_EPOCH (default: process.env). */
  env?: NodeJS.ProcessEnv | undefined;
  /** Paper for the HTML and PDF (`--paper`); overrides the brief's `paper`. */
  paper?: 'a4' | 'letter' | undefined;
}

// A build renders each brief as html and as pdf, and the pdf prints that same HTML: render it once.
const htmlCache = new WeakMap<Brief, { key: string; html: string }>();

function cachedHtml(brief: Brief, options: RenderOptions & { generator: string }): string {
  const key = JSON.stringify([options.templates, options.cwd, options.generator, options.changes ?? null, options.site === true]);
  const known = htmlCache.get(brief);
  if (known?.key === key) return known.html;
  const html = renderHtml(brief, options);
  htmlCache.set(brief, { key, html });
  return html;
}

/**
 * Renders `brief` as `format`: a string for md/html/json, bytes for pdf and docx. Throws
 * BriefHasErrorsError for a model `validateBrief` gave out as `partial` (its brief has errors).
 */
export async function renderBrief(brief: Brief, format: 'pdf' | 'docx', options?: RenderBriefOptions): Promise<Uint8Array>;
export async function renderBrief(brief: Brief, format: 'md' | 'html' | 'json', options?: RenderBriefOptions): Promise<string>;
export async function renderBrief(brief: Brief, format: Format, options?: RenderBriefOptions): Promise<string | Uint8Array>;
export async function renderBrief(brief: Brief, format: Format, options: RenderBriefOptions = {}): Promise<string | Uint8Array> {
  refuseFlawed(brief);
  const generator = options.generator ?? defaultGenerator;
  if (options.paper && options.paper !== brief.meta.paper && (format === 'html' || format === 'pdf')) {
    brief = { ...brief, meta: { ...brief.meta, paper: options.paper } };
  }
  switch (format) {
    case 'json':
      return renderJson(brief);
    case 'md':
      return renderMarkdown(brief, { ...options, generator });
    case 'html':
      return cachedHtml(brief, { ...options, generator });
    case 'docx': {
      // Like the PDF stage, the Word one loads only when a .docx is asked for.
      const [{ renderDocx }, { sourceDateEpoch }] = await Promise.all([import('../docx/render-docx.js'), import('../pdf/metadata.js')]);
      return renderDocx(brief, {
        templates: options.templates,
        cwd: options.cwd,
        generator,
        changes: options.changes,
        paper: options.paper,
        baseDir: options.baseDir,
        fragments: options.fragments,
        date: sourceDateEpoch(options.env),
      });
    }
    case 'pdf': {
      const source = renderPdfSource(brief, { ...options, generator }, cachedHtml(brief, { ...options, generator, site: false }));
      // Puppeteer and pdf-lib load only when a PDF is printed: every other command starts faster.
      const [{ Printer }, { sourceDateEpoch }, { finishPdf }] = await Promise.all([
        import('../print/printer.js'),
        import('../pdf/metadata.js'),
        import('../pdf/finish.js'),
      ]);
      const printer = options.printer ?? (await Printer.launch(options.printerOptions));
      try {
        const printed = await printer.print(source.html, { paper: brief.meta.paper, fonts: source.fonts });
        const finished = await finishPdf(printed, {
          contents: source.contents,
          metadata: pdfMetadata(brief.meta, generator, sourceDateEpoch(options.env), source.html),
        });
        return finished.bytes;
      } finally {
        if (!options.printer) await printer.close();
      }
    }
  }
}
