/** Brief → Markdown, HTML, JSON, and the HTML parts a PDF is printed from. */
import { trimLineEnds } from '../source/linear-text.js';
import { omitPositions } from '../model/plain.js';
import type { Brief } from '../types.js';
import { briefCodePoints } from './plain-basis.js';
import { buildView } from './view.js';
import type { Fragments } from '../model/fragments.js';
import type { ChangesView } from './changes-view.js';
import { fontFaceCssFor } from './fonts.js';
import { hyphenateHtml } from './hyphenate.js';
import { fontAssets, stylesheetAsset } from './site-assets.js';
import type { layouts } from '../model/schema.js';

type Layout = (typeof layouts)[number];
import { addLinkNotes } from './link-notes.js';
import { contentsTargets } from './contents.js';
import { curlHtml } from './curl-html.js';
import { fontsAt, fontsMark, withFonts } from './font-splice.js';
import { templateDirs } from './template-files.js';
import { loadStylesheet, loadTemplates } from './templates.js';

export interface RenderOptions {
  /** A templates directory that overrides the project's and the built-in ones. */
  templates?: string | undefined;
  /** The project directory (default: the current directory). */
  cwd?: string | undefined;
  /** Generator string for colophons and metadata (default: briefsmith and its version). */
  generator?: string | undefined;
  /** The brief's folder: local images inside it are inlined into the HTML (see images.ts); without it images show their alt text. */
  baseDir?: string | undefined;
  /** A "Changes since <date>" section to add (md, html, pdf). */
  changes?: ChangesView | null | undefined;
  /** Site mode (HTML): link the stylesheet and fonts under `assets/` instead of inlining them. The PDF is always printed from standalone HTML. */
  site?: boolean | undefined;
  /** The trees of the brief's Markdown fields as parsed with it (`validateBrief`'s `fragments`); without them each field is parsed again. */
  fragments?: Fragments | undefined;
  /** A build's id: its briefs render with the template files it found first (see `loadTemplates`). */
  templateSnapshot?: string | undefined;
}

/** What Chromium prints, and what the contents page links to (for its page numbers). */
export interface PdfSource {
  /** The document without its `@font-face` rules (they are in `fonts`), its web links noted, soft hyphens in its prose. */
  html: string;
  /**
   * The `@font-face` rules the HTML inlined, taken out so a printer can keep them loaded across
   * documents instead of parsing ~200 KB of font data per brief; empty when the template has none.
   */
  fonts: string;
  /** Named destinations of the contents entries: titled sections, their files, `sources`. */
  contents: string[];
}

const dirsOf = (options: RenderOptions) => templateDirs({ templates: options.templates, ...(options.cwd ? { cwd: options.cwd } : {}) });

/** What helpers see besides the view: the brief's folder (images) and its parsed fields. */
function renderData(options: RenderOptions): Record<string, unknown> {
  const { baseDir, fragments } = options;
  return { templateDirs: dirsOf(options), ...(baseDir ? { baseDir } : {}), ...(fragments ? { fragments } : {}) };
}

/** The JSON form of the model: stable key order, no source positions, trailing newline. */
export function renderJson(brief: Brief): string {
  return `${JSON.stringify(brief, omitPositions, 2)}\n`;
}

/** Markdown through the `md` templates; blank-line runs are folded so template layout never shows. */
export function renderMarkdown(brief: Brief, options: RenderOptions & { generator: string }): string {
  const view = buildView(brief, { generator: options.generator, changes: options.changes });
  const markdown = loadTemplates(dirsOf(options), 'md', brief.meta.layout, options.templateSnapshot).render(view, renderData(options));
  return `${trimLineEnds(markdown)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

const fontCss = new WeakMap<Brief, string>();

/** The `@font-face` CSS for the scripts `brief` uses, worked out once per brief (HTML and PDF both need it). */
function briefFontCss(brief: Brief): string {
  let css = fontCss.get(brief);
  if (css === undefined) {
    // The fonts a brief needs depend on its text: every field a template can show, as the views' copy holds it.
    css = fontFaceCssFor(briefCodePoints(brief));
    fontCss.set(brief, css);
  }
  return css;
}

/** The brief stylesheet as the templates resolve it: the print layout, then the reading view. */
export function briefStylesheet(dirs: readonly string[], layout: Layout = 'brief', snapshot?: string): string {
  // A layout other than the full brief adds its own rules after the shared stylesheet.
  const layoutCss = layout === 'brief' ? '' : `\n${loadStylesheet(dirs, `${layout}.css`, snapshot)}`;
  return `${loadStylesheet(dirs, 'print.css', snapshot)}${layoutCss}\n${loadStylesheet(dirs, 'screen.css', snapshot)}`;
}

/**
 * HTML through the `html` templates: standalone, with the stylesheet and the fonts inlined, or
 * (site mode) linking them as `assets/` files (see site-assets.ts).
 */
export function renderHtml(brief: Brief, options: RenderOptions & { generator: string }): string {
  const dirs = dirsOf(options);
  const stylesheet = briefStylesheet(dirs, brief.meta.layout, options.templateSnapshot);
  const render = (css: string, stylesheets: string[] = []) => {
    const view = buildView(brief, { generator: options.generator, css, stylesheets, changes: options.changes });
    const html = loadTemplates(dirs, 'html', brief.meta.layout, options.templateSnapshot).render(view, renderData(options)).trim();
    // The writer types straight quotes; the reader gets typographic ones, as the templates' own text has.
    return `${curlHtml(html)}\n`;
  };
  if (options.site) return render('', [fontAssets().stylesheet.path, stylesheetAsset(stylesheet).path]);
  const fonts = briefFontCss(brief);
  return withFonts(brief, render(`${fontsMark}\n${stylesheet}`), fonts) ?? render(`${fonts}\n${stylesheet}`);
}

/** The HTML to print (its running header and footer are CSS page margin boxes) and the contents targets. */
export function renderPdfSource(brief: Brief, options: RenderOptions & { generator: string }, html?: string): PdfSource {
  const document = html ?? renderHtml(brief, { ...options, site: false });
  const fonts = briefFontCss(brief);
  const at = fonts === '' ? -1 : (fontsAt(brief, document) ?? document.indexOf(fonts));
  return {
    html: hyphenateHtml(addLinkNotes(at === -1 ? document : document.slice(0, at) + document.slice(at + fonts.length)), brief.meta.lang),
    fonts: at === -1 ? '' : fonts,
    contents: contentsTargets(brief),
  };
}
