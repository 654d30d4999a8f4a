/**
 * The reference document (`brief.docx`), found like every template: `--templates`, the project's
 * `templates/`, then the built-in one. Its styles (all of them, not a fixed list) and its page
 * margins are what a Word document of a brief is made with; styles it lacks are filled in from
 * style-sheet.ts. Read once per file version: a build renders many briefs with one reference.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { resolveTemplateFile, templateDirs } from '../render/template-files.js';
import { noteTemplateUse, templateTextHash } from '../render/template-usage.js';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { completeStyles } from './style-sheet.js';

export const referenceFileName = 'brief.docx';

/** Page margins and header/footer distances, in twentieths of a point. */
export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
  header: number;
  footer: number;
  gutter: number;
}

export interface ReferenceDocument {
  path: string;
  /** The reference's styles part with briefsmith's missing styles added. */
  styles: string;
  margins: PageMargins;
  landscape: boolean;
  /** Tab stops of the Header and Footer styles: the running header clears them and sets its own. */
  furnitureTabs: number[];
}

/** A reference document that is missing, not a Word file, or has no styles: a usage problem (exit 2). */
export class ReferenceDocumentError extends BriefsmithError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}. A reference document is a Word file (.docx); \`briefsmith templates eject brief.docx\` writes the built-in one to start from`);
  }
}

const defaultMargins: PageMargins = { top: 1304, right: 1304, bottom: 1304, left: 1304, header: 567, footer: 567, gutter: 0 };

const cache = new Map<string, ReferenceDocument>();

/** The reference document the template folders resolve to (and note it as a template the render used). */
export function loadReference(options: { templates?: string | undefined; cwd?: string | undefined }): ReferenceDocument {
  const dirs = templateDirs({ templates: options.templates, ...(options.cwd ? { cwd: options.cwd } : {}) });
  const path = resolveTemplateFile(dirs, referenceFileName);
  if (!path) throw new ReferenceDocumentError(referenceFileName, `no ${referenceFileName} in ${dirs.join(', ')}`);
  let key: string;
  try {
    // Keyed on the bytes, and noted with their hash: the cache must record what this render used.
    key = templateTextHash(readFileSync(path));
  } catch {
    throw new ReferenceDocumentError(path, 'cannot be read');
  }
  noteTemplateUse(referenceFileName, key);
  let reference = cache.get(key);
  if (!reference) {
    reference = readReference(path);
    if (cache.size >= 16) cache.clear();
    cache.set(key, reference);
  }
  return reference;
}

function readReference(path: string): ReferenceDocument {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(readFileSync(path), { filter: (file) => file.name === 'word/styles.xml' || file.name === 'word/document.xml' });
  } catch (error) {
    throw new ReferenceDocumentError(path, `is not a Word document (${error instanceof Error ? error.message : String(error)})`);
  }
  const styles = parts['word/styles.xml'];
  const document = parts['word/document.xml'];
  if (!document) throw new ReferenceDocumentError(path, 'is not a Word document (it has no word/document.xml)');
  if (!styles) throw new ReferenceDocumentError(path, 'has no styles (word/styles.xml)');
  const stylesXml = strFromU8(styles);
  if (!/<w:styles\b[\s\S]*<\/w:styles>\s*$/.test(stylesXml)) throw new ReferenceDocumentError(path, 'has a styles part that is not WordprocessingML styles');
  const section = lastSection(strFromU8(document));
  const completed = completeStyles(stylesXml);
  return {
    path,
    styles: completed,
    margins: marginsOf(section),
    landscape: /<w:pgSz\b[^>]*w:orient="landscape"/.test(section),
    furnitureTabs: furnitureTabs(completed),
  };
}

/** The document's last section properties: those of its body, which Word writes last. */
function lastSection(documentXml: string): string {
  const start = documentXml.lastIndexOf('<w:sectPr');
  return start === -1 ? '' : documentXml.slice(start, documentXml.indexOf('</w:sectPr>', start) + 1 || undefined);
}

function furnitureTabs(stylesXml: string): number[] {
  const styles = [...stylesXml.matchAll(/<w:style\b[^>]*w:styleId="(?:Header|Footer)"[^>]*>([\s\S]*?)<\/w:style>/g)].map((match) => match[1]!).join('');
  return [...new Set([...styles.matchAll(/<w:tab\b[^>]*w:pos="(\d+)"/g)].map((match) => Number(match[1])))].sort((left, right) => left - right);
}

function marginsOf(section: string): PageMargins {
  const element = /<w:pgMar\b([^>]*)\/?>/.exec(section)?.[1] ?? '';
  const value = (name: keyof PageMargins) => {
    const match = new RegExp(`w:${name}="(-?\\d+)"`).exec(element);
    return match ? Math.abs(Number(match[1])) : defaultMargins[name];
  };
  return {
    top: value('top'),
    right: value('right'),
    bottom: value('bottom'),
    left: value('left'),
    header: value('header'),
    footer: value('footer'),
    gutter: value('gutter'),
  };
}
