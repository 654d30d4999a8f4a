/**
 * Model text fields are Markdown as the author wrote it. This renders one field to sanitized
 * HTML or to normalised Markdown, numbering citations by the brief's source list. Raw HTML,
 * unsafe links and images never pass: the HTML goes through rehype-sanitize, and the Markdown is
 * rebuilt from the syntax tree rather than copied.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { parseFragment } from '../source/processor.js';
import { joinLines } from '../source/linear-text.js';
import type { Fragments } from '../model/fragments.js';
import type { CitationNode } from '../source/mdast-extensions.js';
import { isSafeLink, lowercaseScheme } from '../validate/rules/links.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { inlineImage } from './images.js';

/** Source key → its number in the Sources list. */
export type SourceNumbers = ReadonlyMap<string, number>;

const toHtml = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify).freeze();

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
function prepare(tree: Root, numbers: SourceNumbers, format: 'html' | 'md', baseDir?: string): Root {
  const rewrite = (children: readonly RootContent[]): RootContent[] =>
    children.flatMap((child) => {
      const copy = 'children' in child ? ({ ...child, children: rewrite(child.children as RootContent[]) } as RootContent) : child;
      return rewriteNode(copy, numbers, format, baseDir);
    });
  return { type: 'root', children: rewrite(tree.children) };
}

/** The field's tree as parsed with its brief, or parsed now. */
function treeOf(markdown: string, fragments: Fragments | undefined): Root {
  return fragments?.get(markdown) ?? parseFragment(markdown);
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

/** A run of Arabic script: letters, marks, Arabic digits and punctuation, and the spaces, digits and ZWNJ/ZWJ between them. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWNJ and ZWJ are meant as characters of their own inside the run
export const arabicRun = /[\p{Script=Arabic}](?:[\p{Script=Arabic}\p{M}\u200c\u200d\d ]*[\p{Script=Arabic}\p{M}])?/gu;

/**
 * Wraps Arabic runs in `<span dir="rtl" lang="ar">` so they read right to left inside
 * left-to-right prose (an isolate: neighbouring punctuation and numbers keep their order) and
 * get the bundled Arabic face through `:lang(ar)` in the stylesheet.
 */
function isolateArabic(value: string): RootContent[] {
  const parts: RootContent[] = [];
  let last = 0;
  for (const match of value.matchAll(arabicRun)) {
    if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
    parts.push({ type: 'emphasis', data: { hName: 'span', hProperties: { dir: 'rtl', lang: 'ar' } }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last === 0) return [{ type: 'text', value }];
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

/** Renders a Markdown field to sanitized HTML; `inline` drops the paragraph wrapper of a one-paragraph field. */
export function markdownToHtml(markdown: string, numbers: SourceNumbers, inline = false, baseDir?: string, fragments?: Fragments): string {
  const tree = prepare(treeOf(markdown, fragments), numbers, 'html', baseDir);
  const root = inline ? unwrapParagraph(tree) : tree;
  const hast = toHtml.runSync(root);
  return toHtml.stringify(hast).trim();
}

// One extension object for every call: its unsafe-character patterns compile to regexes once
// (to-markdown caches them on the pattern objects), not once per field.
const markdownOptions: ToMarkdownOptions = { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', rule: '-', fences: true };

/** Renders a Markdown field to normalised Markdown (citations as [n]); `inline` gives one line. */
export function markdownToMarkdown(markdown: string, numbers: SourceNumbers, inline = false, _baseDir?: string, fragments?: Fragments): string {
  const tree = prepare(treeOf(markdown, fragments), numbers, 'md');
  const out = toMarkdown(tree, markdownOptions).trim();
  return inline ? joinLines(out) : out;
}

function unwrapParagraph(tree: Root): Root {
  const only = tree.children.length === 1 ? tree.children[0] : undefined;
  if (only?.type !== 'paragraph') return tree;
  return { type: 'root', children: only.children as unknown as RootContent[] };
}

/** Escapes plain text so that Markdown shows it literally (the HTML escaping of `{{x}}` is wrong there). */
const escapeOptions: ToMarkdownOptions = { extensions: [gfmToMarkdown()] };

/**
 * Text that no Markdown construct can start in, which to-markdown gives back unchanged: letters
 * and digits with spaces and plain punctuation, starting with a letter (so nothing at the line's
 * start reads as a list, heading or quote) and ending with no space. `w.`/`W.` and `:` with `/`
 * are left out (GFM's autolink literals escape those). Most plain fields are like this, and
 * to-markdown costs as much for one word as for a paragraph.
 */
const plainMarkdown = /^[\p{L}\p{M}](?:[\p{L}\p{M}\p{N} ,;:.?'"‘’“”()%–—-]*[\p{L}\p{M}\p{N},;:.?'"‘’“”()%–—-])?$/u;

/** Whether `escapeMarkdown(text)` is `text` itself (see `plainMarkdown`; property-tested against to-markdown). */
export function isPlainMarkdown(text: string): boolean {
  return plainMarkdown.test(text) && !/[Ww]\./.test(text) && !text.includes('  ');
}

export function escapeMarkdown(text: string): string {
  if (isPlainMarkdown(text)) return text;
  const tree: Nodes = { type: 'paragraph', children: [{ type: 'text', value: joinLines(text, true) }] };
  // A closing run of `#` after a space would end an ATX heading (`# C #` is the heading "C").
  return toMarkdown(tree, escapeOptions)
    .replace(/\n$/, '')
    .replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3');
}
