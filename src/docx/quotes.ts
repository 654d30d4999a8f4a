/**
 * Typographic quotes in the Word runs, as render/typography.ts gives them to HTML and PDF: the
 * text of one paragraph's phrasing content is curled as one piece, so a quote just after
 * emphasis, a link or a quoted passage still turns the right way; code is left as written.
 * Returns copies: the parsed fields are shared with the other formats.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { QuoteCurler } from '../render/typography.js';

type Inline = PhrasingContent | RootContent;

/** `nodes` with the quotes of their text curled; `curler` carries on from the text before them. */
export function curledPhrasing<Node extends Inline>(nodes: readonly Node[], curler = new QuoteCurler()): Node[] {
  return nodes.map((node) => curledNode(node, curler));
}

function curledNode<Node extends Inline>(node: Node, curler: QuoteCurler): Node {
  if (node.type === 'text') return { ...node, value: curler.curl(node.value) };
  if (node.type === 'inlineCode' || node.type === 'code') {
    curler.follow(node.value);
    return node;
  }
  if (!('children' in node)) return node;
  // A quoted passage (`:q[…]`) is printed between “ and ”: its text follows the opening mark.
  const quoted = node.type === 'textDirective' && node.name === 'q';
  if (quoted) curler.follow('\u201c');
  const children = curledPhrasing(node.children as Inline[], curler);
  if (quoted) curler.follow('\u201d');
  return { ...node, children };
}
