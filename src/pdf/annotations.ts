/**
 * Links as PDF/UA-1 wants them (§7.18.1, §7.18.3): each link annotation carries an alternate
 * description in /Contents — the address of a web link, the page an internal link goes to —
 * and each page with annotations orders them by structure (/Tabs /S).
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { destinationPages } from './destinations.js';

const key = (name: string) => PDFName.of(name);
const textOf = (object: unknown) => (object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined);

/** What a link leads to, in words, or undefined when it says nothing this pass reads. */
function description(link: PDFDict, pagesOf: Map<string, number>): string | undefined {
  const destination = link.lookup(key('Dest'));
  if (destination instanceof PDFName) {
    const page = pagesOf.get(destination.decodeText());
    return page === undefined ? undefined : `Go to page ${page + 1}`;
  }
  const action = link.lookup(key('A'));
  const uri = action instanceof PDFDict ? textOf(action.lookup(key('URI'))) : undefined;
  if (uri === undefined) return undefined;
  return uri.startsWith('mailto:') ? `Write to ${uri.slice('mailto:'.length)}` : `Open ${uri}`;
}

/** Gives every link annotation a /Contents and every page with annotations /Tabs /S. */
export function describeLinks(document: PDFDocument): void {
  const pagesOf = destinationPages(document);
  for (const page of document.getPages()) {
    const annotations = page.node.lookup(key('Annots'));
    if (!(annotations instanceof PDFArray) || annotations.size() === 0) continue;
    page.node.set(key('Tabs'), key('S'));
    for (let index = 0; index < annotations.size(); index++) {
      const annotation = annotations.lookup(index);
      if (!(annotation instanceof PDFDict) || annotation.lookup(key('Subtype')) !== key('Link') || annotation.has(key('Contents'))) continue;
      const text = description(annotation, pagesOf);
      if (text) annotation.set(key('Contents'), PDFHexString.fromText(text));
    }
  }
}
