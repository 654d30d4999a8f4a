/**
 * Which parts of a brief are analytic. Every section is, except reference matter whose
 * paragraphs describe the brief rather than make claims: a level-2 section whose title (or
 * `{#id}`) is one of `referenceSectionIds`. Prose before the first heading is analytic.
 */
import type { Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { slug } from 'github-slugger';
import { customHeadingId } from '../../source/linear-text.js';

/** Slugs of the section titles that hold reference matter, not analysis. */
export const referenceSectionIds: readonly string[] = [
  'sources',
  'references',
  'bibliography',
  'notes',
  'endnotes',
  'glossary',
  'abbreviations',
  'contents',
  'scope-note',
  'methodology',
  'about-this-brief',
  'distribution',
];

/** The top-level nodes of `tree` that belong to reference sections (their headings excluded). */
export function referenceBlocks(tree: Root): Set<RootContent> {
  const blocks = new Set<RootContent>();
  let reference = false;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const text = plainText(node).trim();
      const custom = customHeadingId(text);
      const title = custom ? custom.title : text;
      reference = referenceSectionIds.includes(slug(title)) || (custom !== null && referenceSectionIds.includes(custom.id));
      continue;
    }
    if (reference) blocks.add(node);
  }
  return blocks;
}
