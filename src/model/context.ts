/** Shared helpers for turning directive nodes into draft parts: slices, attributes, citations. */
import type { Nodes, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { visit } from '../source/visit-tree.js';
import { toString as plainText } from 'mdast-util-to-string';
import { report, didYouMean, listOf } from '../errors/report.js';
import type { Places } from './places.js';
import { unquotedValues } from './attribute-quotes.js';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

const blockTypes = new Set([
  'paragraph',
  'heading',
  'list',
  'listItem',
  'blockquote',
  'code',
  'html',
  'table',
  'thematicBreak',
  'definition',
  'footnoteDefinition',
  'containerDirective',
  'leafDirective',
  'math',
  'yaml',
]);

export interface DraftCitation {
  key: string;
  locator: string | null;
  position?: Position;
}

/** Everything extraction of one brief shares. */
export class ExtractContext {
  readonly source: string;
  readonly places: Places = new Map();
  readonly handled = new Set<Nodes>();
  /** Field text → the nodes it was sliced from (see model/fragments.ts). */
  readonly fragments = new Map<string, Root>();
  readonly toPoint: ReturnType<typeof location>['toPoint'];
  /** Where each attribute's name is written, by the path of its value. */
  private readonly attributeNames = new Map<string, Position>();

  constructor(readonly file: VFile) {
    this.source = String(file.value);
    this.toPoint = location(this.source).toPoint;
  }

  /**
   * The Markdown source of a run of sibling nodes, exactly as written; null for none. The nodes
   * are kept as that text's tree, so rendering need not parse it again.
   */
  slice(nodes: readonly Nodes[]): string | null {
    const first = nodes[0]?.position?.start.offset;
    const last = nodes.at(-1)?.position?.end.offset;
    if (first === undefined || last === undefined) return null;
    const text = this.source.slice(first, last).trim();
    if (!text) return null;
    if (!this.fragments.has(text)) {
      // A run of phrasing content (a leaf directive's label) parses on its own as one paragraph.
      const blocks = blockTypes.has(nodes[0]!.type) ? nodes : [{ type: 'paragraph', children: nodes } as Nodes];
      this.fragments.set(text, { type: 'root', children: blocks as RootContent[] });
    }
    return text;
  }

  /** Records where a model path came from. */
  place(path: string, position: Position | undefined): void {
    if (position) this.places.set(path, position);
  }

  /** Records the directive's position and each attribute's position (its value's) under `path`. */
  placeDirective(path: string, node: Directive): void {
    this.place(path, node.position);
    const start = node.position?.start.offset;
    if (start === undefined) return;
    const lineEnd = this.source.indexOf('\n', start);
    const opening = this.source.slice(start, lineEnd === -1 ? undefined : lineEnd);
    const brace = opening.indexOf('{');
    if (brace === -1) return;
    // An attribute's place is its value, what a message about it is about (`likelihood=probably`).
    for (const match of opening.slice(brace).matchAll(/(?<![\w:.-])([A-Za-z_][\w:.-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s}"'=<>`]*)/g)) {
      const valueStart = start + brace + match.index + match[0].length - (match[2]?.length ?? 0);
      const from = this.toPoint(match[2] ? valueStart : start + brace + match.index);
      const to = this.toPoint(match[2] ? valueStart + match[2].length : start + brace + match.index + (match[1]?.length ?? 0));
      if (from && to) this.place(`${path}.${match[1]}`, { start: from, end: to });
      const nameFrom = this.toPoint(start + brace + match.index);
      const nameTo = this.toPoint(start + brace + match.index + (match[1]?.length ?? 0));
      if (nameFrom && nameTo) this.attributeNames.set(`${path}.${match[1]}`, { start: nameFrom, end: nameTo });
    }
    for (const { index, length, name, value, written, why, fixed, strays } of unquotedValues(opening.slice(brace))) {
      const [from, to] = [this.toPoint(start + brace + index), this.toPoint(start + brace + index + length)];
      report(this.file, 'unquoted-attribute', from && to ? { start: from, end: to } : node.position, { written, why, fixed });
      // Read on as meant, so the lost words are not unknown attributes and the value not refused again.
      node.attributes = { ...Object.fromEntries(Object.entries(node.attributes ?? {}).filter(([key]) => !strays.includes(key))), [name]: value };
    }
  }

  /** Warns about attributes other than `allowed`. */
  checkAttributes(node: Directive, allowed: readonly string[], path: string): void {
    for (const name of Object.keys(node.attributes ?? {})) {
      if (allowed.includes(name)) continue;
      report(this.file, 'unknown-attribute', this.attributeNames.get(`${path}.${name}`) ?? node.position, {
        attribute: name,
        name: node.name,
        expected: `${listOf(allowed)}${didYouMean(name, allowed)}`,
      });
    }
  }

  /** Every citation (and quote, which cites its source) inside `node`. */
  citations(node: Nodes): DraftCitation[] {
    const found: DraftCitation[] = [];
    visit(node, (child) => {
      if (child.type === 'citation') {
        for (const item of child.items) found.push(withPosition({ key: item.key, locator: item.locator }, child.position));
      } else if (child.type === 'textDirective' && child.name === 'q' && child.attributes?.source) {
        found.push(withPosition({ key: child.attributes.source, locator: null }, child.position));
      }
    });
    return found;
  }
}

function withPosition(citation: DraftCitation, position: Position | undefined): DraftCitation {
  return position ? { ...citation, position } : citation;
}

/** An attribute's value, or undefined when absent. */
export function attribute(node: Directive, name: string): string | undefined {
  const value = node.attributes?.[name];
  return value === null || value === undefined ? undefined : value;
}

/** Children that are content, not the `[label]` of a container. */
export function contentChildren(node: ContainerDirective): RootContent[] {
  return node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel)) as RootContent[];
}

/** "very-unlikely", "Very Unlikely" → "very unlikely". */
export function normaliseWords(value: string | undefined): string | undefined {
  return value
    ?.toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

export { plainText };
