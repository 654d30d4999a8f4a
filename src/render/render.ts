/** Brief → Markdown, HTML, JSON, and the HTML parts a PDF is printed from. */
import type { Brief } from '../types.js';
import { buildView } from './view.js';
import type { ChangesView } from './changes-view.js';
import { fontFaceCss } from './fonts.js';
import { loadStylesheet, loadTemplates, templateDirs } from './templates.js';

export interface RenderOptions {
  /** A templates directory that overrides the project's and the built-in ones. */
  templates?: string | undefined;
  /** The project directory (default: the current directory). */
  cwd?: string | undefined;
  /** Generator string for colophons and metadata (default: briefsmith and its version). */
  generator?: string | undefined;
  /** A "Changes since <date>" section to add (md, html, pdf). */
  changes?: ChangesView | null | undefined;
}

/** What Chromium prints: the page and its running header and footer. */
export interface PdfSource {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
}

const dirsOf = (options: RenderOptions) => templateDirs({ templates: options.templates, ...(options.cwd ? { cwd: options.cwd } : {}) });

/** The JSON form of the model: stable key order, no source positions, trailing newline. */
export function renderJson(brief: Brief): string {
  return `${JSON.stringify(brief, (key, value: unknown) => (key === 'position' ? undefined : value), 2)}\n`;
}

/** Markdown through the `md` templates; blank-line runs are folded so template layout never shows. */
export function renderMarkdown(brief: Brief, options: RenderOptions & { generator: string }): string {
  const view = buildView(brief, { generator: options.generator, changes: options.changes });
  const markdown = loadTemplates(dirsOf(options), 'md').render(view);
  return `${markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Standalone HTML through the `html` templates, with the print CSS and fonts inlined. */
export function renderHtml(brief: Brief, options: RenderOptions & { generator: string }): string {
  const dirs = dirsOf(options);
  const css = `${fontFaceCss()}\n${loadStylesheet(dirs)}`;
  const view = buildView(brief, { generator: options.generator, css, changes: options.changes });
  return `${loadTemplates(dirs, 'html').render(view).trim()}\n`;
}

/** The HTML and running header/footer for printing. */
export function renderPdfSource(brief: Brief, options: RenderOptions & { generator: string }): PdfSource {
  const dirs = dirsOf(options);
  const html = renderHtml(brief, options);
  const view = buildView(brief, { generator: options.generator, changes: options.changes });
  const templates = loadTemplates(dirs, 'html');
  const style = `<style>${fontFaceCss('running')}\n${loadStylesheet(dirs, 'pdf/running.css')}</style>`;
  return {
    html,
    headerTemplate: `${style}${templates.renderExtra('pdf/header', view)}`,
    footerTemplate: `${style}${templates.renderExtra('pdf/footer', view)}`,
  };
}
