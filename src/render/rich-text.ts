/**
 * Model text fields are Markdown as the author wrote it. This renders one field to sanitized
 * HTML or to normalised Markdown, numbering citations by the brief's source list. Raw HTML,
 * unsafe links and images never pass: the HTML goes through hast-util-sanitize, and the Markdown is
 * rebuilt from the syntax tree rather than copied.
 */
import type { Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { Fragments } from '../model/fragments.js';
import { joinLines } from '../source/linear-text.js';
import { parseFragment } from '../source/processor.js';
import { prepare, type SourceNumbers } from './rewrite-tree.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { markdownWriter } from './markdown-writer.js';

export { arabicRun } from './arabic-runs.js';
export { escapeMarkdown, isPlainMarkdown } from './escape-markdown.js';
export type { SourceNumbers } from './rewrite-tree.js';

/** The field's tree as parsed with its brief, or parsed now. */
function treeOf(markdown: string, fragments: Fragments | undefined): Root {
  return fragments?.get(markdown) ?? parseFragment(markdown);
}

/** Renders a Markdown field to sanitized HTML; `inline` drops the paragraph wrapper of a one-paragraph field. */
export function markdownToHtml(markdown: string, numbers: SourceNumbers, inline = false, baseDir?: string, fragments?: Fragments): string {
  const tree = prepare(treeOf(markdown, fragments), numbers, 'html', baseDir);
  const root = inline ? unwrapParagraph(tree) : tree;
  // What remark-rehype, rehype-sanitize and rehype-stringify do, without a processor run (and
  // its file) per field.
  return toHtml(sanitize(toHast(root), sanitizeSchema)).trim();
}

// Made once for every call: the unsafe-character patterns compile to regexes once (to-markdown
// caches them on the pattern objects), and the extensions are flattened (markdown-writer.ts).
const writeMarkdown = markdownWriter({ extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', rule: '-', fences: true });

/** Renders a Markdown field to normalised Markdown (citations as [n]); `inline` gives one line. */
export function markdownToMarkdown(markdown: string, numbers: SourceNumbers, inline = false, _baseDir?: string, fragments?: Fragments): string {
  const tree = prepare(treeOf(markdown, fragments), numbers, 'md');
  const out = writeMarkdown(tree).trim();
  return inline ? joinLines(out) : out;
}

function unwrapParagraph(tree: Root): Root {
  const only = tree.children.length === 1 ? tree.children[0] : undefined;
  if (only?.type !== 'paragraph') return tree;
  return { type: 'root', children: only.children as unknown as RootContent[] };
}
