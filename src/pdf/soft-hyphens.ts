/**
 * Chromium draws each soft hyphen it did not break a line at as an invisible glyph inside a span
 * whose ActualText is U+00AD, so text searched or copied from the PDF reads "trans\u00ADition\u00ADal"
 * in the viewers and tools that keep the character (poppler's among them). Emptying those ActualTexts
 * leaves the text as it is seen: whole words, and at a line break the hyphen Chromium draws.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';

/** A UTF-16 ActualText; a soft hyphen inside a ligature ("of\u00ADfences") shares the span with its letters. */
const actualText = /\/ActualText\s*<FEFF((?:[0-9A-Fa-f]{4})*)>/g;
const flate = PDFName.of('FlateDecode');

/** The page content streams, by reference (a page's /Contents is one stream or an array). */
function contentStreams(document: PDFDocument): PDFRef[] {
  const references: PDFRef[] = [];
  for (const page of document.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    if (contents instanceof PDFRef) {
      const target = document.context.lookup(contents);
      if (target instanceof PDFArray) references.push(...target.asArray().filter((item): item is PDFRef => item instanceof PDFRef));
      else references.push(contents);
    } else if (contents instanceof PDFArray) references.push(...contents.asArray().filter((item): item is PDFRef => item instanceof PDFRef));
  }
  return references;
}

/** Takes every soft hyphen Chromium left unbroken out of the ActualTexts. */
export function hideSoftHyphens(document: PDFDocument): void {
  for (const reference of contentStreams(document)) {
    const stream = document.context.lookup(reference);
    // Chromium writes plain Flate; anything else is not a stream it printed text into, and is left as it is.
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Filter')) !== flate || stream.dict.has(PDFName.of('DecodeParms'))) continue;
    let text: string;
    try {
      text = inflateSync(stream.contents).toString('latin1');
    } catch {
      continue;
    }
    let changed = false;
    const replaced = text.replace(actualText, (whole, units: string) => {
      const kept = units.match(/.{4}/g)?.filter((unit) => unit.toUpperCase() !== '00AD') ?? [];
      if (kept.length * 4 === units.length) return whole;
      changed = true;
      return kept.length === 0 ? '/ActualText ()' : `/ActualText <FEFF${kept.join('')}>`;
    });
    if (!changed) continue;
    // Level 4: half the time of zlib's default for a stream ~5% larger than Chromium's.
    document.context.assign(reference, PDFRawStream.of(stream.dict, deflateSync(Buffer.from(replaced, 'latin1'), { level: 4 })));
  }
}
