/**
 * Where a page's text runs start, read from its content stream: enough of a PDF interpreter to
 * follow the graphics state (q/Q/cm) and text positioning (BT/Tf/Tm/Td) and report each run's
 * origin and font size in page space. This finds the exact baseline and size Chromium set a
 * contents entry in, which the link rectangle (snapped to device pixels) cannot give.
 */
import type { PDFPage } from 'pdf-lib';
import { operatorCode, walkContent, type Operation } from './content-stream.js';
import { pageContents } from './page-content.js';

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

const [q, Q, cm, BT, Tf, Tm, Td, TD, Tj, TJ, quote, doubleQuote] = ['q', 'Q', 'cm', 'BT', 'Tf', 'Tm', 'Td', 'TD', 'Tj', 'TJ', "'", '"'].map(operatorCode);
const last = (operation: Operation, count: number): number[] => Array.from({ length: count }, (_, index) => operation.number(count - index) ?? 0);

/** Every text-showing run on `page`, in drawing order. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one switch over the graphics- and text-state operators, the state machine of PDF 32000 §9.4 in one place; split up, the matrices it carries would have to be shared state
export function textRuns(page: PDFPage): TextRun[] {
  const runs: TextRun[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = identity;
  let textMatrix: Matrix = identity;
  let size = 0;
  let shown = false;
  const visit = (operation: Operation) => {
    switch (operation.operator) {
      case q:
        stack.push(ctm);
        break;
      case Q:
        ctm = stack.pop() ?? identity;
        break;
      case cm:
        if (operation.operandCount >= 6) ctm = multiply(last(operation, 6) as Matrix, ctm);
        break;
      case BT:
        textMatrix = identity;
        shown = false;
        break;
      case Tf:
        size = operation.number(1) ?? size;
        break;
      case Tm:
        if (operation.operandCount >= 6) textMatrix = last(operation, 6) as Matrix;
        shown = false;
        break;
      // Once a run is reported, moves within it change nothing until Tm or BT starts another.
      case Td:
      case TD:
        if (!shown) textMatrix = multiply([1, 0, 0, 1, operation.number(2) ?? 0, operation.number(1) ?? 0], textMatrix);
        break;
      case Tj:
      case TJ:
      case quote:
      case doubleQuote:
        if (!shown) {
          const placed = multiply(textMatrix, ctm);
          runs.push({ x: placed[4], y: placed[5], size: Math.abs(size * Math.hypot(placed[2], placed[3])) });
          shown = true;
        }
        break;
      default:
        break;
    }
  };
  for (const bytes of pageContents(page)) walkContent(bytes, visit);
  return runs;
}
