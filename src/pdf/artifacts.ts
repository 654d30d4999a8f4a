/**
 * PDF/UA-1 (ISO 14289-1 §7.1) wants every mark on a page to be tagged content or an artifact.
 * Chromium tags what the accessibility tree holds and leaves the rest outside any marked-content
 * sequence: the running header and footer and page numbers (CSS page-margin boxes), the
 * contents leaders (dotted rules), backgrounds, borders and rules. All of it is page furniture,
 * so this editor wraps each stretch of painting outside marked content in `/Artifact BMC … EMC`.
 *
 * A stretch starts before the path, text show, image or shading it covers and ends before the
 * next marked content, text object boundary or the end of the stream, so an artifact never
 * straddles BT/ET, never sits inside a path, and never nests in or around Chromium's tags.
 */
import { operatorCode } from './content-stream.js';
import type { ContentEditor } from './page-content.js';

const codes = (operators: string) => new Set(operators.split(' ').map(operatorCode));
const [BDC, BMC, EMC, BT, ET, n, BI] = ['BDC', 'BMC', 'EMC', 'BT', 'ET', 'n', 'BI'].map(operatorCode);
const pathStarts = codes('m re');
const paints = codes('S s f F f* B B* b b*');
const shows = codes('Tj TJ \' " Do sh');

/** Marks every painting outside marked content in a stream as an artifact. */
export const artifactEditor: ContentEditor = (bytes, splices) => {
  let depth = 0;
  let open = false;
  let pathStart = -1;
  const begin = (at: number) => {
    splices.push({ at, end: at, text: '\n/Artifact BMC\n' });
    open = true;
  };
  const close = (at: number) => {
    if (!open) return;
    splices.push({ at, end: at, text: '\nEMC\n' });
    open = false;
  };
  return {
    visit({ operator, start }) {
      if (operator === BDC || operator === BMC) {
        close(start);
        depth++;
      } else if (operator === EMC) {
        // An EMC with nothing open is Chromium's to answer for; it must not close an artifact.
        close(start);
        depth = Math.max(0, depth - 1);
      } else if (operator === BT || operator === ET) {
        if (depth === 0) close(start);
      } else if (pathStarts.has(operator)) {
        if (pathStart < 0) pathStart = start;
      } else if (operator === n) {
        pathStart = -1;
      } else if (paints.has(operator) || shows.has(operator) || operator === BI) {
        if (depth === 0 && !open) begin(pathStart >= 0 && paints.has(operator) ? pathStart : start);
        if (paints.has(operator)) pathStart = -1;
      }
    },
    finish() {
      close(bytes.length);
    },
  };
};
