/**
 * Chromium 156 sometimes writes a heading's text twice into its outline entry ("BackgroundBackground")
 * when the heading follows a forced page break and is set in an embedded web font. The body text
 * is right; only the bookmark is doubled. This halves titles that are exactly one string twice.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/** Repairs doubled outline titles in place; returns every title, depth first. */
export function repairOutline(document: PDFDocument): string[] {
  const titles: string[] = [];
  const outlines = document.catalog.lookup(PDFName.of('Outlines'));
  const walk = (item: unknown, depth: number): void => {
    for (let node = item; node instanceof PDFDict && depth < 32; node = node.lookup(PDFName.of('Next'))) {
      const title = node.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        let text = title.decodeText();
        const half = text.length / 2;
        if (half >= 1 && Number.isInteger(half) && text.slice(0, half) === text.slice(half)) {
          text = text.slice(0, half);
          node.set(PDFName.of('Title'), PDFHexString.fromText(text));
        }
        titles.push(text);
      }
      walk(node.lookup(PDFName.of('First')), depth + 1);
    }
  };
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of('First')), 0);
  return titles;
}
