/**
 * A remark plugin that turns Pandoc-style citations in text (`[@key]`, `[@key, p. 3]`,
 * `[@a; @b]`) into `citation` nodes. Without a definition, `[@key]` is plain text to
 * micromark, so splitting text nodes is enough and needs no syntax extension. A `[@` that forms no
 * citation (`[@key` without `]`, `[@]`, `[@ key]`) is an error where it stands: it would otherwise
 * be printed as it was typed.
 */
import type { Root, Text } from 'mdast';
import { visit, SKIP } from './visit-tree.js';
import { location } from 'vfile-location';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../errors/report.js';
import type { CitationItem, CitationNode } from './mdast-extensions.js';

const keyPattern = String.raw`@([A-Za-z0-9_](?:[\w:.#$%&+?<>~/-]*[\w])?)`;
const itemPattern = String.raw`\s*${keyPattern}\s*(?:,([^;\]]*))?`;
const citationPattern = new RegExp(String.raw`\[(${itemPattern}(?:;${itemPattern})*)\]`, 'g');
const singleItem = new RegExp(`^${itemPattern}$`);
const startsCitation = new RegExp(`^${citationPattern.source}`);

/** Parses the inside of `[…]` into citation items. */
export function parseCitationItems(inside: string): CitationItem[] {
  return inside.split(';').map((part) => {
    const match = singleItem.exec(part);
    const locator = match?.[2]?.trim();
    return { key: match?.[1] ?? '', locator: locator ? locator : null };
  });
}

/** Splits one text node's value into text and citation nodes, keeping positions when exact. */
export function splitCitations(node: Text, source: string | null, toPoint: (offset: number) => Point | undefined): Array<Text | CitationNode> | null {
  const value = node.value;
  citationPattern.lastIndex = 0;
  if (!value.includes('[@')) return null;
  const start = node.position?.start;
  // Positions inside a text node are exact only when its source text equals its value (no escapes).
  const exact = start?.offset !== undefined && source !== null && source.slice(start.offset, node.position?.end.offset) === value;
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

/** What is wrong with a `[@` that starts no citation, from the text that follows it. */
export function malformedCitation(rest: string): { found: string; expected: string } {
  const written = /^\[@[^\]\n]{0,40}\]?/.exec(rest)?.[0] ?? '[@';
  const closing = rest.indexOf(']');
  if (/^\[@\s/.test(rest)) {
    const key = /^\[@\s+([^\s\];,]*)/.exec(rest)?.[1] ?? '';
    return { found: `\`${written}\` with a space after \`@\``, expected: `the key right after \`@\` (\`[@${key || 'key'}]\`)` };
  }
  if (/^\[@\s*[\];,]/.test(rest)) return { found: `\`${written}\` without a key`, expected: 'a source key after `@` (`[@key]`)' };
  if (closing === -1 || /\[/.test(rest.slice(2, closing))) {
    const key = /^\[@([^\s\];,[]*)/.exec(rest)?.[1] ?? 'key';
    return { found: `\`[@${key}\` without a closing \`]\``, expected: `\`[@${key}]\`` };
  }
  return { found: `\`${written}\``, expected: 'a citation such as `[@key]`, `[@key, p. 3]` or `[@a; @b]`' };
}

/** `[@` left in the text after splitting: unless escaped (`\\[@`), a citation that did not form. */
function reportMalformed(node: Text, source: string | null, toPoint: (offset: number) => Point | undefined, file: VFile): void {
  const start = node.position?.start.offset;
  if (start === undefined || source === null) return;
  const written = source.slice(start, node.position?.end.offset);
  for (const match of written.matchAll(/\[@/g)) {
    if (written[match.index - 1] === '\\' || startsCitation.test(written.slice(match.index))) continue;
    report(file, 'malformed-citation', toPoint(start + match.index), malformedCitation(written.slice(match.index)));
  }
}

/** The unified plugin. */
export default function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const source = typeof file.value === 'string' ? file.value : null;
    const toPoint = location(source ?? '').toPoint;
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.value.includes('[@')) reportMalformed(node, source, toPoint, file);
      const parts = splitCitations(node, source, toPoint);
      if (!parts) return;
      parent.children.splice(index, 1, ...(parts as never[]));
      return [SKIP, index + parts.length];
    });
  };
}
