/**
 * A remark plugin that turns Pandoc-style citations in text (`[@key]`, `[@key, p. 3]`,
 * `[@a; @b]`) into `citation` nodes. Without a definition, `[@key]` is plain text to
 * micromark, so splitting text nodes is enough and needs no syntax extension.
 */
import type { Root, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { location } from 'vfile-location';
import type { Point } from 'unist';
import type { CitationItem, CitationNode } from './mdast-extensions.js';

const keyPattern = String.raw`@([A-Za-z0-9_](?:[\w:.#$%&+?<>~/-]*[\w])?)`;
const itemPattern = String.raw`\s*${keyPattern}\s*(?:,([^;\]]*))?`;
const citationPattern = new RegExp(String.raw`\[(${itemPattern}(?:;${itemPattern})*)\]`, 'g');
const singleItem = new RegExp(`^${itemPattern}$`);

/** Parses the inside of `[…]` into citation items. */
export function parseCitationItems(inside: string): CitationItem[] {
  return inside.split(';').map((part) => {
    const match = singleItem.exec(part);
    const locator = match?.[2]?.trim();
    return { key: match?.[1] ?? '', locator: locator ? locator : null };
  });
}

/** Splits one text node's value into text and citation nodes, keeping positions when exact. */
export function splitCitations(
  node: Text,
  source: string | null,
  toPoint: (offset: number) => Point | undefined,
): Array<Text | CitationNode> | null {
  const value = node.value;
  citationPattern.lastIndex = 0;
  if (!value.includes('[@')) return null;
  const start = node.position?.start;
  // Positions inside a text node are exact only when its source text equals its value (no escapes).
  const exact = start?.offset !== undefined && source !== null &&
    source.slice(start.offset, node.position?.end.offset) === value;
  const base = start?.offset ?? 0;
  const positioned = <T extends Text | CitationNode>(part: T, from: number, to: number): T => {
    const startPoint = exact ? toPoint(base + from) : undefined;
    const endPoint = exact ? toPoint(base + to) : undefined;
    if (startPoint && endPoint) part.position = { start: startPoint, end: endPoint };
    else if (node.position) part.position = node.position;
    return part;
  };
  const out: Array<Text | CitationNode> = [];
  let last = 0;
  for (const match of value.matchAll(citationPattern)) {
    const index = match.index;
    if (index > last) out.push(positioned({ type: 'text', value: value.slice(last, index) }, last, index));
    const items = parseCitationItems(match[1] ?? '');
    out.push(positioned({ type: 'citation', value: match[0], items }, index, index + match[0].length));
    last = index + match[0].length;
  }
  if (out.length === 0) return null;
  if (last < value.length) out.push(positioned({ type: 'text', value: value.slice(last) }, last, value.length));
  return out;
}

/** The unified plugin. */
export default function remarkCitations() {
  return (tree: Root, file: { value?: unknown }) => {
    const source = typeof file.value === 'string' ? file.value : null;
    const toPoint = location(source ?? '').toPoint;
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const parts = splitCitations(node, source, toPoint);
      if (!parts) return;
      parent.children.splice(index, 1, ...(parts as never[]));
      return [SKIP, index + parts.length];
    });
  };
}
