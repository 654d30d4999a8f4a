/**
 * Where a page's text runs start, read from its content stream: enough of a PDF interpreter to
 * follow the graphics state (q/Q/cm) and text positioning (BT/Tf/Tm/Td) and report each run's
 * origin and font size in page space. This finds the exact baseline and size Chromium set a
 * contents entry in, which the link rectangle (snapped to device pixels) cannot give.
 *
 * Chromium shows one glyph per Tj with a Td between, so a contents page is some 70 KB of
 * operators: the scan works on the bytes and turns only the operands it uses into numbers.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, decodePDFRawStream, type PDFPage } from 'pdf-lib';

/** A run of text: its origin (the baseline's start) and font size, in PDF points. */
export interface TextRun {
  x: number;
  y: number;
  size: number;
}

type Matrix = [number, number, number, number, number, number];
const identity: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [a2, b2, c2, d2, e2, f2] = second;
  return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2];
}

/** A stream's decoded bytes: Flate (all Chromium writes) natively, anything else through pdf-lib. */
function decoded(stream: PDFRawStream): Uint8Array {
  if (stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(stream.getContents());
    } catch {
      // Damaged data: pdf-lib's decoder is more forgiving.
    }
  }
  return decodePDFRawStream(stream).decode();
}

function contentOf(page: PDFPage): Uint8Array[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams.flatMap((stream) => (stream instanceof PDFRawStream ? [decoded(stream)] : []));
}

// Character classes of PDF syntax (ISO 32000-1 §7.2.2).
const whiteSpace = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) whiteSpace[byte] = 1;
const delimiter = new Uint8Array(256);
for (const character of '()<>[]{}/%') delimiter[character.charCodeAt(0)] = 1;
const ends = (byte: number | undefined) => byte === undefined || whiteSpace[byte] === 1 || delimiter[byte] === 1;
const isNumberStart = (byte: number) => (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e;
/** An operator of one or two characters as a number to switch on (longer ones are 0: none this reads). */
const code = (operator: string) => (operator.length === 1 ? operator.charCodeAt(0) : (operator.charCodeAt(0) << 8) | operator.charCodeAt(1));
const [q, Q, cm, BT, Tf, Tm, Td, TD, Tj, TJ, quote, doubleQuote] = ['q', 'Q', 'cm', 'BT', 'Tf', 'Tm', 'Td', 'TD', 'Tj', 'TJ', "'", '"'].map(code);
const isOperatorStart = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x27 || byte === 0x22;

/** Every text-showing run on `page`, in drawing order. */
export function textRuns(page: PDFPage): TextRun[] {
  const runs: TextRun[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = identity;
  let textMatrix: Matrix = identity;
  let size = 0;
  let shown = false;
  for (const bytes of contentOf(page)) {
    // Operands since the last operator, as [start, end) byte offsets; parsed only when used.
    const operands: number[] = [];
    const number = (fromEnd: number): number | undefined => {
      const index = operands.length - 2 * fromEnd;
      return index < 0 ? undefined : Number(Buffer.from(bytes.buffer, bytes.byteOffset + operands[index]!, operands[index + 1]! - operands[index]!).toString('latin1'));
    };
    const last = (count: number): number[] => Array.from({ length: count }, (_, index) => number(count - index)!);
    const length = bytes.length;
    let at = 0;
    while (at < length) {
      const byte = bytes[at]!;
      if (whiteSpace[byte] === 1) {
        at++;
      } else if (isNumberStart(byte)) {
        const start = at;
        while (!ends(bytes[++at]));
        operands.push(start, at);
      } else if (byte === 0x28 /* ( */) {
        // A literal string: escapes and balanced parentheses.
        for (let nesting = 1; nesting > 0 && ++at < length;) {
          if (bytes[at] === 0x5c) at++;
          else if (bytes[at] === 0x28) nesting++;
          else if (bytes[at] === 0x29) nesting--;
        }
        at++;
      } else if (byte === 0x3c /* < */ && bytes[at + 1] !== 0x3c) {
        const close = bytes.indexOf(0x3e, at);
        at = close < 0 ? length : close + 1;
      } else if (byte === 0x25 /* % */) {
        while (at < length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
      } else if (isOperatorStart(byte)) {
        const start = at;
        while (!ends(bytes[++at]));
        const count = operands.length / 2;
        switch (at - start === 1 ? bytes[start]! : at - start === 2 ? (bytes[start]! << 8) | bytes[start + 1]! : 0) {
          case q: stack.push(ctm); break;
          case Q: ctm = stack.pop() ?? identity; break;
          case cm: if (count >= 6) ctm = multiply(last(6) as Matrix, ctm); break;
          case BT: textMatrix = identity; shown = false; break;
          case Tf: size = number(1) ?? size; break;
          case Tm: if (count >= 6) textMatrix = last(6) as Matrix; shown = false; break;
          // Once a run is reported, moves within it change nothing until Tm or BT starts another.
          case Td: case TD: if (!shown) textMatrix = multiply([1, 0, 0, 1, number(2) ?? 0, number(1) ?? 0], textMatrix); break;
          case Tj: case TJ: case quote: case doubleQuote:
            if (!shown) {
              const placed = multiply(textMatrix, ctm);
              runs.push({ x: placed[4], y: placed[5], size: Math.abs(size * Math.hypot(placed[2], placed[3])) });
              shown = true;
            }
            break;
          default: break;
        }
        operands.length = 0;
      } else {
        // Names, array brackets, dictionary brackets and anything else: not operands this reads.
        at++;
        if (byte === 0x2f /* / */) while (!ends(bytes[at])) at++;
      }
    }
  }
  return runs;
}
