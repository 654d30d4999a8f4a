/**
 * Checks the front matter fence before remark sees it. remark-frontmatter only recognises a
 * well-formed YAML block; a missing, unclosed or non-YAML (`---js`) block must be an error
 * with a position rather than a document that silently has no metadata.
 */
import type { VFile } from 'vfile';
import { report } from '../errors/report.js';

/** Where the body starts: after a closed `---` front matter block at the top, else 0. */
export function bodyStart(text: string): number {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) return 0;
  const closing = /\n---[ \t]*(\n|$)/.exec(text.slice(opening[0].length - 1));
  return closing ? opening[0].length - 1 + closing.index + closing[0].length : 0;
}

/** Returns true when the text starts with a closed YAML front matter block. */
export function checkFrontMatterFence(file: VFile): boolean {
  const text = String(file.value);
  const opening = /^---([^\n]*)\n/.exec(text);
  if (!opening) {
    report(file, 'frontmatter-missing', { line: 1, column: 1 });
    return false;
  }
  const engine = (opening[1] ?? '').trim();
  if (engine !== '') {
    report(file, 'frontmatter-engine', { line: 1, column: 4 }, { engine });
    return false;
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(opening[0].length - 1))) {
    report(file, 'frontmatter-unclosed', { line: 1, column: 1 });
    return false;
  }
  return true;
}
