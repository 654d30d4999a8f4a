/**
 * Markdown fields (mdast flow content) → Word paragraphs and tables: paragraphs in the style the
 * part asks for, headings one level up from Markdown's (`##` is Heading 1, the brief's sections),
 * lists as Word lists, block quotes, code and GFM tables.
 */
import type { List, ListItem, RootContent, Table as MdTable } from 'mdast';
import { HeadingLevel, Paragraph, type FileChild } from 'docx';
import { toString as plainText } from 'mdast-util-to-string';
import { inlineRuns } from './inline.js';
import { treeOf, type DocxContext } from './context.js';
import { styleIds } from './style-ids.js';
import { briefTable } from './tables.js';

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** Word's heading of a level, 1–3 (deeper ones are level 3: the outline stays three deep). */
const headingOf = (level: number) => headingLevels[Math.min(Math.max(level, 1), 3) - 1] ?? HeadingLevel.HEADING_3;

/** The heading paragraph of a level. */
export function heading(level: number, text: string, context: DocxContext): Paragraph {
  return new Paragraph({ heading: headingOf(level), children: inlineRuns([{ type: 'text', value: text }], context) });
}

/** Numbering references the document defines (document.ts). */
export const listReferences = { bullets: 'brief-bullets', ordered: 'brief-ordered', sources: 'brief-sources' } as const;

interface BlockOptions {
  style?: string | undefined;
  level?: number;
}

/** A Markdown field as Word blocks; paragraphs take `style` (default Normal). */
export function markdownBlocks(markdown: string, context: DocxContext, style?: string): FileChild[] {
  return flowBlocks(treeOf(markdown, context).children, context, { style });
}

/** The runs of a one-paragraph field (table cells, list items): its paragraphs joined by spaces. */
export function markdownInline(markdown: string, context: DocxContext) {
  const children = treeOf(markdown, context).children;
  return children.flatMap((child, index) => [
    ...(index > 0 ? inlineRuns([{ type: 'text', value: ' ' }], context) : []),
    ...inlineRuns(child.type === 'paragraph' || child.type === 'heading' ? child.children : [child], context),
  ]);
}

function flowBlocks(nodes: readonly RootContent[], context: DocxContext, options: BlockOptions): FileChild[] {
  return nodes.flatMap((node) => flowBlock(node, context, options));
}

function flowBlock(node: RootContent, context: DocxContext, options: BlockOptions): FileChild[] {
  switch (node.type) {
    case 'paragraph':
      return [new Paragraph({ ...(options.style ? { style: options.style } : {}), children: inlineRuns(node.children, context) })];
    case 'heading':
      return [new Paragraph({ heading: headingOf(node.depth - 1), children: inlineRuns(node.children, context) })];
    case 'list':
      return listBlocks(node, context, options.level ?? 0);
    case 'blockquote':
      return flowBlocks(node.children, context, { ...options, style: styleIds.blockQuote });
    case 'code':
      return node.value.split('\n').map((line) => new Paragraph({ style: styleIds.codeBlock, text: line }));
    case 'table':
      return [tableOf(node, context)];
    case 'containerDirective':
    case 'leafDirective':
      return flowBlocks(node.children as RootContent[], context, options);
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
      return [];
    default:
      return 'children' in node
        ? [new Paragraph({ ...(options.style ? { style: options.style } : {}), children: inlineRuns(node.children as RootContent[], context) })]
        : [];
  }
}

function listBlocks(list: List, context: DocxContext, level: number): FileChild[] {
  const instance = ++context.counters.lists;
  return list.children.flatMap((item: ListItem) =>
    item.children.flatMap((child, index) => {
      if (child.type === 'list') return listBlocks(child, context, Math.min(level + 1, 8));
      if (index > 0 || child.type !== 'paragraph') return flowBlock(child, context, { level: level + 1 });
      const numbering = list.ordered ? { reference: listReferences.ordered, level, instance } : { reference: listReferences.bullets, level };
      return [new Paragraph({ numbering, children: inlineRuns(child.children, context) })];
    }),
  );
}

function tableOf(table: MdTable, context: DocxContext) {
  const [head, ...body] = table.children;
  const columns = head?.children.length ?? 0;
  return briefTable(
    {
      headers: (head?.children ?? []).map((cell) => plainText(cell)),
      rows: body.map((row) => Array.from({ length: columns }, (_, index) => inlineRuns(row.children[index]?.children ?? [], context))),
      widths: Array.from({ length: columns }, () => 1),
    },
    context,
  );
}
