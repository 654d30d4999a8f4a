/**
 * The one pass over Chromium's PDF: make the structure IDs document-local (in the bytes), load
 * it once (structure elements unparsed), write the contents page numbers, repair the outline,
 * take unbroken soft hyphens out of its text and mark the page furniture as artifacts, type
 * heading-led sections as Sect, describe the links, set the metadata (XMP, output intent), save. Saving runs without
 * yielding to the event loop (pdf-lib's default pauses every 100 objects, which costs more than
 * the work on a PDF this size).
 */
import { loadPrintedPdf } from './load-printed.js';
import { setMetadata, type PdfMetadata } from './metadata.js';
import { stampContentsPageNumbers, type ContentsEntry } from './page-numbers.js';
import { renumberStructureIds } from './structure-ids.js';
import { repairOutline } from './outline.js';
import { softHyphenEditor } from './soft-hyphens.js';
import { artifactEditor } from './artifacts.js';
import { editPageContents } from './page-content.js';
import { markSections } from './structure-types.js';
import { describeLinks } from './annotations.js';

export interface FinishOptions {
  metadata: PdfMetadata;
  /** Named destinations the contents page links to (section ids, file ids, `sources`). */
  contents: readonly string[];
}

/** Finished PDF bytes and the page numbers written into the contents. */
export interface FinishedPdf {
  bytes: Uint8Array;
  contents: ContentsEntry[];
}

/** Applies page numbers and metadata to a PDF printed by Chromium. */
export async function finishPdf(printed: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
  const document = await loadPrintedPdf(renumberStructureIds(printed));
  const contents = await stampContentsPageNumbers(document, options.contents);
  repairOutline(document);
  // One walk over each page's content: soft hyphens out of the text, page furniture marked as artifacts.
  editPageContents(document, [softHyphenEditor, artifactEditor]);
  markSections(document);
  describeLinks(document);
  setMetadata(document, options.metadata);
  // Object streams would make the file about 40% smaller but cost more than the whole rest of this pass.
  const bytes = await document.save({
    useObjectStreams: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
  return { bytes, contents };
}
