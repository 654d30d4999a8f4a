/**
 * Where a page's text runs start, read from its content stream: enough of a PDF interpreter to
 * follow the graphics state (q/Q/cm) and text positioning (BT/Tf/Tm/Td) and report each run's
 * origin and font size in page space. This finds the exact baseline and size Chromium set a
 * contents entry in, which the link rectangle (snapped to device pixels) cannot give.
 */
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

function contentOf(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
    .join('\n');
}

// Names, hex strings, literal strings (no nested parentheses: Chromium writes hex), array brackets, numbers, operators.
const token = /\/[^\s/[\]<>()%{}]*|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|[[\]]|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*][A-Za-z0-9*]*|%[^\r\n]*/g;

/** Every text-showing run on `page`, in drawing order. */
export function textRuns(page: PDFPage): TextRun[] {
  const runs: TextRun[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = identity;
  let textMatrix: Matrix = identity;
  let size = 0;
  let operands: number[] = [];
  let shown = false;
  for (const [word] of contentOf(page).matchAll(token)) {
    const first = word.charCodeAt(0);
    if ((first >= 48 && first <= 57) || word[0] === '-' || word[0] === '+' || word[0] === '.') {
      operands.push(Number(word));
      continue;
    }
    if (!/^[A-Za-z'"]/.test(word)) continue;
    switch (word) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? identity; break;
      case 'cm': if (operands.length >= 6) ctm = multiply(operands.slice(-6) as Matrix, ctm); break;
      case 'BT': textMatrix = identity; shown = false; break;
      case 'Tf': size = operands.at(-1) ?? size; break;
      case 'Tm': if (operands.length >= 6) textMatrix = operands.slice(-6) as Matrix; shown = false; break;
      case 'Td': case 'TD': textMatrix = multiply([1, 0, 0, 1, operands.at(-2) ?? 0, operands.at(-1) ?? 0], textMatrix); break;
      case 'Tj': case 'TJ': case "'": case '"':
        if (!shown) {
          const placed = multiply(textMatrix, ctm);
          runs.push({ x: placed[4], y: placed[5], size: Math.abs(size * Math.hypot(placed[2], placed[3])) });
          shown = true;
        }
        break;
      default: break;
    }
    operands = [];
  }
  return runs;
}
