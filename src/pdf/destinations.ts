/**
 * Reads where Chromium put things: every internal link `<a href="#id">` becomes a link
 * annotation with `/Dest /id`, and `id` a named destination in the catalog's `/Dests`, pointing
 * at the page the element landed on. That is the rendered layout, so no second print is needed.
 */
import { PDFArray, PDFDict, PDFName, type PDFNumber, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';

/** A link annotation to a named destination, with its rectangle in PDF points (origin bottom left). */
export interface InternalLink {
  destination: string;
  rect: { left: number; bottom: number; right: number; top: number };
}

/** Named destination → zero-based page index. */
export function destinationPages(document: PDFDocument): Map<string, number> {
  const pageIndex = new Map(document.getPages().map((page, index) => [page.ref.toString(), index]));
  const result = new Map<string, number>();
  const dests = document.catalog.lookup(PDFName.of('Dests'));
  if (!(dests instanceof PDFDict)) return result;
  for (const [name, value] of dests.entries()) {
    const target = document.context.lookup(value);
    const explicit = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    const page = explicit instanceof PDFArray ? explicit.get(0) : undefined;
    const index = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (index !== undefined) result.set(name.decodeText(), index);
  }
  return result;
}

/** The links on `page` that go to a named destination. */
export function internalLinks(page: PDFPage): InternalLink[] {
  const annotations = page.node.lookup(PDFName.of('Annots'));
  if (!(annotations instanceof PDFArray)) return [];
  const links: InternalLink[] = [];
  for (let index = 0; index < annotations.size(); index++) {
    const annotation = annotations.lookup(index);
    if (!(annotation instanceof PDFDict) || annotation.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    const destination = annotation.lookup(PDFName.of('Dest'));
    const rect = annotation.lookup(PDFName.of('Rect'));
    if (!(destination instanceof PDFName) || !(rect instanceof PDFArray) || rect.size() !== 4) continue;
    const [x1, y1, x2, y2] = [0, 1, 2, 3].map((at) => (rect.lookup(at) as PDFNumber).asNumber()) as [number, number, number, number];
    links.push({
      destination: destination.decodeText(),
      rect: { left: Math.min(x1, x2), bottom: Math.min(y1, y2), right: Math.max(x1, x2), top: Math.max(y1, y2) },
    });
  }
  return links;
}
