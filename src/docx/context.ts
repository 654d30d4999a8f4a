/** What every part of a Word rendering needs: the brief's sources and its parsed Markdown fields. */
import type { Root, RootContent } from 'mdast';
import type { Brief } from '../types.js';
import type { Fragments } from '../model/fragments.js';
import { parseFragment } from '../source/processor.js';

export interface DocxContext {
  brief: Brief;
  /** Source key → its number in the Sources list and the source. */
  sources: ReadonlyMap<string, { number: number; source: Brief['sources'][number] }>;
  fragments: Fragments | undefined;
  /** Width of the text column, in twentieths of a point (tables are laid out to it). */
  textWidth: number;
  /** Lists numbered so far: each Markdown list is a new Word list instance, so numbering restarts. */
  counters: { lists: number };
  /** Tab stops of the reference's Header and Footer styles. */
  furnitureTabs: readonly number[];
  /** The brief's folder: local images in it are embedded (image.ts); without it images are their alt text. */
  baseDir: string | undefined;
}

export function createContext(brief: Brief, layout: Pick<DocxContext, 'textWidth' | 'furnitureTabs' | 'baseDir' | 'fragments'>): DocxContext {
  const sources = new Map(brief.sources.map((source, index) => [source.key, { number: index + 1, source }]));
  return { brief, sources, counters: { lists: 0 }, ...layout };
}

/** The syntax tree of a Markdown field: as parsed with its brief, or parsed now. */
export function treeOf(markdown: string, context: DocxContext): Root {
  return context.fragments?.get(markdown) ?? parseFragment(markdown);
}

/** A field's text without its citations (document properties are plain text). */
export function plainText(markdown: string, context: DocxContext): string {
  const strip = (node: RootContent | Root): string =>
    node.type === 'citation' ? '' : 'value' in node ? node.value : 'children' in node ? node.children.map(strip).join(node.type === 'root' ? ' ' : '') : '';
  return strip(treeOf(markdown, context))
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
}

/** The Word bookmark of a source's entry (names are letters, digits and `_`, at most 40 characters). */
export function sourceBookmark(number: number): string {
  return `Source_${number}`;
}
