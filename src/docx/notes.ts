/**
 * Citations as endnotes, the intelligence-writing convention: each `[@a; @b, p. 3]` is one
 * endnote giving each source's number and outlet (its title when the outlet is not named) and
 * the locator, the number linked to its entry in the numbered Sources list, where the rest is.
 */
import { EndnoteReferenceRun, InternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { CitationNode } from '../source/mdast-extensions.js';
import { sourceBookmark, type DocxContext } from './context.js';
import { styleIds } from './style-ids.js';
import { textRuns } from './text-runs.js';

/** The endnote reference of one citation. */
export function citationNote(node: CitationNode, context: DocxContext): EndnoteReferenceRun {
  const children: ParagraphChild[] = [new TextRun(' ')];
  node.items.forEach((item, index) => {
    if (index > 0) children.push(new TextRun('; '));
    const known = context.sources.get(item.key);
    if (!known) {
      children.push(...textRuns(`Unknown source ${item.key}`));
      return;
    }
    const { number, source } = known;
    children.push(new InternalHyperlink({ anchor: sourceBookmark(number), children: [new TextRun({ text: `[${number}]`, style: styleIds.hyperlink })] }));
    // The outlet says whose it is; where the outlet is unknown, the title does.
    const name = source.outlet.startsWith('Outlet not named') ? `“${source.title}”` : source.outlet;
    children.push(...textRuns(` ${name}${item.locator ? `, ${item.locator}` : ''}`));
  });
  children.push(new TextRun('.'));
  return new EndnoteReferenceRun({ children: [new Paragraph({ style: styleIds.endnoteText, children })] });
}
