/**
 * Structure types Chromium cannot give: it maps every element without an ARIA role of its own —
 * `<section>`, `<div>`, `<header>` alike — to NonStruct (`pdf_metafile_skia.cc`), so a reader
 * cannot tell a section from a wrapper. A NonStruct whose first child element is a heading is a
 * section, so it becomes Sect. The elements are kept as their own bytes (load-printed.ts), so
 * the type is changed in those bytes: a short dictionary each, read without parsing the tree.
 */
import { PDFInvalidObject, type PDFDocument, type PDFRef } from 'pdf-lib';

const prefix = '<</Type /StructElem';
const typeKey = /\n\/S \/([A-Za-z0-9]+)/;
const kidsKey = /\n\/K (\[[^\]]*\]|\d+ \d+ R)/;

function textOf(object: PDFInvalidObject): string {
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1');
}

/** The first structure element among the kids in `text`, by object number. */
function firstKid(text: string): number | undefined {
  const kids = kidsKey.exec(text)?.[1] ?? '';
  const reference = /(\d+) (\d+) R/.exec(kids);
  return reference ? Number(reference[1]) : undefined;
}

/** Retypes NonStruct elements that open with a heading as Sect; returns how many changed. */
export function markSections(document: PDFDocument): number {
  const elements = new Map<number, { reference: PDFRef; text: string; type: string }>();
  for (const [reference, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFInvalidObject)) continue;
    const text = textOf(object);
    if (text.startsWith(prefix)) elements.set(reference.objectNumber, { reference, text, type: typeKey.exec(text)?.[1] ?? '' });
  }
  let changed = 0;
  for (const element of elements.values()) {
    if (element.type !== 'NonStruct') continue;
    const kid = elements.get(firstKid(element.text) ?? -1);
    if (!kid || !/^H[1-6]?$/.test(kid.type)) continue;
    const text = element.text.replace(typeKey, '\n/S /Sect');
    document.context.assign(element.reference, PDFInvalidObject.of(new Uint8Array(Buffer.from(text, 'latin1'))));
    changed++;
  }
  return changed;
}
