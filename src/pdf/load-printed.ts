/**
 * Loads Chromium's PDF for finishing without parsing its structure elements. They are most of
 * the file's objects (about 1,500 of 2,000 in an 18-page brief) and the finishing pass never
 * reads them: their IDs are renumbered in the bytes beforehand (structure-ids.ts). Each is kept
 * as its own bytes, which pdf-lib writes back verbatim, so parsing and saving skip the tag tree.
 * Everything else is parsed by pdf-lib as usual.
 */
import { PDFDocument, PDFInvalidObject, PDFParser, type PDFContext, type PDFObject } from 'pdf-lib';
import { endOfDictionary } from './pdf-syntax.js';

// How Chromium (Skia) begins every structure element: `<</Type /StructElem\n/S /P …>>`.
const structureElement = Buffer.from('<</Type /StructElem');

/** Parses objects as pdf-lib does, except that a structure element becomes its raw bytes. */
class PrintedPdfParser extends PDFParser {
  private readonly source: Buffer;

  constructor(bytes: Uint8Array) {
    // Parsing in one go: pdf-lib's default pauses every 100 objects, which costs more than the work.
    super(bytes, Number.POSITIVE_INFINITY, false, false);
    this.source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  override parseObject(): PDFObject {
    const start = this.bytes.offset();
    if (!startsWith(this.source, start, structureElement)) return super.parseObject();
    const end = endOfDictionary(this.source, start);
    // A stream or anything not ending where expected goes to pdf-lib's own parser.
    if (end < 0 || !endsObject(this.source, end)) return super.parseObject();
    this.bytes.moveTo(end);
    return PDFInvalidObject.of(this.source.subarray(start, end));
  }
}

/** pdf-lib's constructor is private; PDFDocument.load is this with its own parser. */
const Document = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;

/** Loads a PDF printed by Chromium, structure elements left unparsed. */
export async function loadPrintedPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const context = await new PrintedPdfParser(bytes).parseDocument();
  return new Document(context, false, false);
}

/** Whether `bytes` holds `prefix` at `at`: by hand, as most objects differ in the first bytes and a native call costs more. */
function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  for (let index = 0; index < prefix.length; index++) if (bytes[at + index] !== prefix[index]) return false;
  return true;
}

/** Whether only white space stands between `at` and `endobj` (so the object is no stream). */
function endsObject(bytes: Uint8Array, at: number): boolean {
  while (
    at < bytes.length &&
    (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09 || bytes[at] === 0x0c || bytes[at] === 0x00)
  )
    at++;
  return bytes[at] === 0x65 && bytes[at + 1] === 0x6e && bytes[at + 2] === 0x64 && bytes[at + 3] === 0x6f && bytes[at + 4] === 0x62 && bytes[at + 5] === 0x6a;
}
