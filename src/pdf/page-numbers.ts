/**
 * Real page numbers on the contents page, from the one print. The contents template leaves an
 * empty slot at the right end of each entry; after printing, each entry's link annotation says
 * where the entry is (its /Rect) and where it goes (its named destination), and the destination
 * says which page the heading landed on. The number is drawn right-aligned in the slot, on the
 * baseline and at the size of the entry's own text (read from the page's content stream), in
 * the contents page's own face.
 */
import { type PDFDocument, rgb, pushGraphicsState, popGraphicsState, beginMarkedContent, endMarkedContent, type PDFFont } from 'pdf-lib';
import { destinationPages, internalLinks } from './destinations.js';
import { stampFont } from './stamp-font.js';
import { textRuns, type TextRun } from './text-runs.js';
import type { InternalLink } from './destinations.js';

/** Where each contents entry points and the page number written next to it. */
export interface ContentsEntry {
  target: string;
  page: number;
}

/**
 * Writes the page number of every contents entry linking to one of `targets` into `document`
 * and returns what it wrote. An entry counts when it sits on a page before every target (the
 * contents precede the body), so a body link to a section is never numbered.
 */
export async function stampContentsPageNumbers(document: PDFDocument, targets: readonly string[]): Promise<ContentsEntry[]> {
  const pagesOf = destinationPages(document);
  const targetPages = targets.map((target) => pagesOf.get(target)).filter((page) => page !== undefined);
  if (targetPages.length === 0) return [];
  const firstBodyPage = Math.min(...targetPages);
  const wanted = new Set(targets);
  const pages = document.getPages();
  const written: ContentsEntry[] = [];
  let font: PDFFont | undefined;
  const metrics = stampFont();
  for (let index = 0; index < firstBodyPage; index++) {
    const page = pages[index]!;
    const links = internalLinks(page).filter((link) => wanted.has(link.destination) && pagesOf.has(link.destination));
    if (links.length === 0) continue;
    if (!font) {
      document.registerFontkit(metrics.fontkit);
      font = await document.embedFont(metrics.bytes, { subset: true, customName: 'BSMPGN+SourceSans3-Regular' });
    }
    // Page numbers are layout, not content: mark them as an artifact so the tag tree stays Chromium's.
    page.pushOperators(pushGraphicsState(), beginMarkedContent('Artifact'));
    // Set once for the page: passing the font to every drawText adds a resource name per number.
    page.setFont(font);
    const runs = textRuns(page);
    for (const link of links) {
      const number = pagesOf.get(link.destination)! + 1;
      const { y, size } = entryText(link, runs, metrics);
      const text = String(number);
      page.drawText(text, { x: link.rect.right - widthOf(font, text, size), y, size, color: rgb(0.106, 0.122, 0.141) });
      written.push({ target: link.destination, page: number });
    }
    page.pushOperators(endMarkedContent(), popGraphicsState());
  }
  return written;
}

// Widths at size 1000 of the numbers drawn so far in this process, by font name and text:
// fontkit shapes the text afresh on every call, and a build draws the same few numbers.
const unitWidths = new Map<string, number>();

/** What `font.widthOfTextAtSize(text, size)` gives, to the bit: pdf-lib scales the unit width by `size / 1000` too. */
function widthOf(font: PDFFont, text: string, size: number): number {
  const key = `${font.name}\u0000${text}`;
  let width = unitWidths.get(key);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1000);
    unitWidths.set(key, width);
  }
  return width * (size / 1000);
}

/**
 * The baseline and size of an entry's title: its first text run inside the link. Without one
 * (a template that puts no text in the link), an estimate from the rectangle: a single line of
 * line-height 1.6 with the font's ascender-to-descender box centred in it.
 */
function entryText(link: InternalLink, runs: TextRun[], metrics: { ascent: number; descent: number }): { y: number; size: number } {
  const inside = runs.filter((run) => run.y > link.rect.bottom && run.y < link.rect.top && run.x >= link.rect.left - 1 && run.x < link.rect.right);
  const title = inside.sort((first, second) => first.x - second.x)[0];
  if (title && title.size > 0) return { y: title.y, size: title.size };
  const height = link.rect.top - link.rect.bottom;
  const size = height / 1.6;
  return { y: link.rect.top - (height - (metrics.ascent - metrics.descent) * size) / 2 - metrics.ascent * size, size };
}
