/**
 * Markdown text (mdast phrasing content) → Word runs. Straight quotes become typographic ones,
 * citations become endnotes, quotes become runs in the Quoted Words style between typographic
 * quotes, Arabic becomes right-to-left runs in the Arabic Text style; raw HTML is dropped and
 * unsafe links lose their target, as in the HTML.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import { textRuns, type RunFormat } from './text-runs.js';
import { isSafeLink, lowercaseScheme } from '../validate/rules/links.js';
import type { CitationNode } from '../source/mdast-extensions.js';
import { styleIds } from './style-ids.js';
import type { DocxContext } from './context.js';
import { citationNote } from './notes.js';
import { imageRuns } from './image.js';
import { curledPhrasing } from './quotes.js';

/** The runs of one paragraph's phrasing content (or of a piece that starts one). */
export function inlineRuns(nodes: readonly (PhrasingContent | RootContent)[], context: DocxContext, format: RunFormat = {}): ParagraphChild[] {
  return phrasingRuns(curledPhrasing(nodes), context, format);
}

function phrasingRuns(nodes: readonly (PhrasingContent | RootContent)[], context: DocxContext, format: RunFormat): ParagraphChild[] {
  return nodes.flatMap((node, index) => {
    // A note mark sits right after the word it follows ("handed over.¹"), not after a space.
    const next = nodes[index + 1];
    const beforeNote = node.type === 'text' && next?.type === 'citation';
    return inlineNode(beforeNote ? { ...node, value: node.value.trimEnd() } : node, context, format);
  });
}

function inlineNode(node: PhrasingContent | RootContent, context: DocxContext, format: RunFormat): ParagraphChild[] {
  switch (node.type) {
    case 'text':
      return textRuns(node.value.replace(/\s*\n\s*/g, ' '), format);
    case 'emphasis':
      return phrasingRuns(node.children, context, { ...format, italics: true });
    case 'strong':
      return phrasingRuns(node.children, context, { ...format, bold: true });
    case 'delete':
      return phrasingRuns(node.children, context, { ...format, strike: true });
    case 'inlineCode':
      return [new TextRun({ ...format, text: node.value, style: styleIds.inlineCode })];
    case 'break':
      return [new TextRun({ break: 1 })];
    case 'citation':
      return citationRuns(node, context);
    case 'textDirective': {
      if (node.name !== 'q') return phrasingRuns(node.children, context, format);
      const source = typeof node.attributes?.source === 'string' ? node.attributes.source : '';
      return [
        ...textRuns('“', format),
        ...phrasingRuns(node.children, context, { ...format, style: styleIds.quotedWords }),
        ...textRuns('”', format),
        ...citationRuns({ type: 'citation', value: '', items: [{ key: source, locator: null }] }, context),
      ];
    }
    case 'link': {
      const children = phrasingRuns(node.children, context, { ...format, style: styleIds.hyperlink });
      if (!isSafeLink(node.url)) return phrasingRuns(node.children, context, format);
      return [new ExternalHyperlink({ link: lowercaseScheme(node.url), children })];
    }
    case 'image':
      return imageRuns(node.url, node.alt ?? '', context, format);
    case 'imageReference':
      // Only a direct `![alt](path)` is embedded, as in the HTML.
      return node.alt ? textRuns(node.alt, format) : [];
    case 'linkReference':
    case 'footnoteReference':
    case 'html':
      return 'children' in node ? phrasingRuns(node.children, context, format) : [];
    default:
      return 'children' in node ? phrasingRuns(node.children as PhrasingContent[], context, format) : [];
  }
}

function citationRuns(node: CitationNode, context: DocxContext): ParagraphChild[] {
  return [citationNote(node, context)];
}
