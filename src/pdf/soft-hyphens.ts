/**
 * Chromium draws each soft hyphen it did not break a line at as an invisible glyph inside a span
 * whose ActualText is U+00AD, so text searched or copied from the PDF reads "trans\u00ADition\u00ADal"
 * in the viewers and tools that keep the character (poppler's among them). Emptying those ActualTexts
 * leaves the text as it is seen: whole words, and at a line break the hyphen Chromium draws.
 */
import type { PDFDocument } from 'pdf-lib';
import { operatorCode } from './content-stream.js';
import { editPageContents, type ContentEditor } from './page-content.js';

/** A UTF-16 ActualText; a soft hyphen inside a ligature ("of\u00ADfences") shares the span with its letters. */
const actualText = /\/ActualText\s*<FEFF((?:[0-9A-Fa-f]{4})*)>/g;
const BDC = operatorCode('BDC');

/** Takes the soft hyphens out of the ActualText of each marked-content span (BDC) of a stream. */
export const softHyphenEditor: ContentEditor = (bytes, splices) => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Where the next `/ActualText` is, found natively and only again once the walk has passed it.
  let next = -1;
  return {
    visit(operation) {
      if (operation.operator !== BDC) return;
      if (next < operation.start) next = buffer.indexOf('/ActualText', operation.start, 'latin1');
      if (next < 0) next = bytes.length;
      if (next >= operation.operatorStart) return;
      const properties = Buffer.from(bytes.buffer, bytes.byteOffset + operation.start, operation.operatorStart - operation.start).toString('latin1');
      let changed = false;
      const replaced = properties.replace(actualText, (whole, units: string) => {
        const kept = units.match(/.{4}/g)?.filter((unit) => unit.toUpperCase() !== '00AD') ?? [];
        if (kept.length * 4 === units.length) return whole;
        changed = true;
        return kept.length === 0 ? '/ActualText ()' : `/ActualText <FEFF${kept.join('')}>`;
      });
      if (changed) splices.push({ at: operation.start, end: operation.operatorStart, text: replaced });
    },
  };
};

/** Takes every soft hyphen Chromium left unbroken out of the ActualTexts (on its own; the finishing pass runs the editor with the others). */
export function hideSoftHyphens(document: PDFDocument): void {
  editPageContents(document, [softHyphenEditor]);
}
