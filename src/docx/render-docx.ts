/** Brief → .docx bytes, with the reference document the template folders resolve to. */
import type { Brief } from '../types.js';
import type { ChangesView } from '../render/changes-view.js';
import type { Fragments } from '../model/fragments.js';
import { briefDocument } from './document.js';
import { packDocument } from './package.js';
import { loadReference } from './reference.js';

export interface DocxRenderOptions {
  templates?: string | undefined;
  cwd?: string | undefined;
  generator: string;
  changes?: ChangesView | null | undefined;
  paper?: 'a4' | 'letter' | undefined;
  /** The brief's folder: local images in it are embedded. */
  baseDir?: string | undefined;
  /** The trees of the brief's Markdown fields as parsed with it; without them each is parsed again. */
  fragments?: Fragments | undefined;
  /** Creation and modification date (SOURCE_DATE_EPOCH); null means now. */
  date: Date | null;
}

export { ReferenceDocumentError } from './reference.js';

export async function renderDocx(brief: Brief, options: DocxRenderOptions): Promise<Uint8Array> {
  const reference = loadReference(options);
  const paper = options.paper ?? brief.meta.paper;
  return packDocument(
    () =>
      briefDocument(brief, {
        reference,
        paper,
        generator: options.generator,
        changes: options.changes,
        baseDir: options.baseDir,
        fragments: options.fragments,
      }),
    {
      date: options.date,
      lang: brief.meta.lang,
    },
  );
}
