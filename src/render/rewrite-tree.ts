/**
 * The rewrite of a field's Markdown tree before it is output: briefsmith's own nodes (citations,
 * quotes) become ordinary Markdown or HTML, and raw HTML, unsafe links and remote images never pass.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { CitationNode } from '../source/mdast-extensions.js';
import { isSafeLink, lowercaseScheme } from '../validate/rules/links.js';
import { isolateArabic } from './arabic-runs.js';
import { inlineImage } from './images.js';

/** Source key → its number in the Sources list. */
export type SourceNumbers = ReadonlyMap<string, number>;

/** The sources one mark cites, in the order of their numbers (`[1; 3]`, however the writer ordered the keys). */
function citationLabel(node: CitationNode, numbers: SourceNumbers): Array<{ key: string; text: string }> {
  const numberOf = (key: string) => numbers.get(key) ?? Number.POSITIVE_INFINITY;
  return [...node.items]
    .sort((left, right) => numberOf(left.key) - numberOf(right.key))
    .map((item) => ({
      key: item.key,
      text: `${numbers.get(item.key) ?? '?'}${item.locator ? `, ${item.locator}` : ''}`,
    }));
}

/**
 * Rewrites briefsmith's own nodes (citations, quotes) and drops what must not pass. Copies on
 * write: the input may be the brief's own parsed tree, shared by every format.
 */
export function prepare(tree: Root, numbers: SourceNumbers, format: 'html' | 'md', baseDir?: string): Root {
  const rewrite = (children: readonly RootContent[]): RootContent[] =>
    children.flatMap((child) => {
      const copy = 'children' in child ? ({ ...child, children: rewrite(child.children as RootContent[]) } as RootContent) : child;
      return rewriteNode(copy, numbers, format, baseDir);
    });
  return { type: 'root', children: rewrite(tree.children) };
}

function rewriteNode(node: RootContent, numbers: SourceNumbers, format: 'html' | 'md', baseDir?: string): RootContent[] {
  switch (node.type) {
    case 'citation': {
      const labels = citationLabel(node, numbers);
      if (format === 'md') return [{ type: 'text', value: `[${labels.map((label) => label.text).join('; ')}]` }];
      const links = labels.flatMap((label, index) => [
        ...(index > 0 ? [{ type: 'text' as const, value: '; ' }] : []),
        { type: 'link' as const, url: `#source-${label.key}`, children: [{ type: 'text' as const, value: label.text }] },
      ]);
      return [{ type: 'emphasis', data: { hName: 'sup', hProperties: { className: ['citation'] } }, children: links }];
    }
    case 'textDirective': {
      if (node.name !== 'q') return node.children as RootContent[];
      const source = node.attributes?.source ?? '';
      const citation: CitationNode = { type: 'citation', value: '', items: [{ key: source, locator: null }] };
      const cited = rewriteNode(citation, numbers, format);
      if (format === 'md') return [{ type: 'text', value: '“' }, ...(node.children as RootContent[]), { type: 'text', value: '” ' }, ...cited];
      return [{ type: 'emphasis', data: { hName: 'q', hProperties: { className: ['quote'] } }, children: node.children as PhrasingContent[] }, ...cited];
    }
    case 'leafDirective':
    case 'containerDirective':
      return node.children as RootContent[];
    case 'text':
      return format === 'html' ? isolateArabic(node.value) : [node];
    case 'html':
      return [];
    case 'image': {
      const inlined = format === 'html' && baseDir ? inlineImage(baseDir, node.url) : null;
      if (inlined && 'dataUrl' in inlined) {
        return [{ type: 'image', url: inlined.dataUrl, alt: node.alt ?? '', data: { hProperties: { className: ['inlined-image'] } } }];
      }
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    }
    case 'imageReference':
      // Only a direct `![alt](path)` is inlined; a reference could point at any definition.
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'link':
    case 'definition':
      if (isSafeLink(node.url)) return [{ ...node, url: lowercaseScheme(node.url) }];
      return node.type === 'link' ? (node.children as RootContent[]) : [];
    default:
      return [node];
  }
}
