/** The Sources list: Heading 1, then one numbered, bookmarked entry per source (the endnotes link here). */
import { Bookmark, ExternalHyperlink, Paragraph, TextRun, type FileChild } from 'docx';
import { formatDate } from '../render/helpers/common.js';
import { isSafeLink } from '../validate/rules/links.js';
import { heading, listReferences } from './blocks.js';
import { sourceBookmark, type DocxContext } from './context.js';
import { styleIds } from './style-ids.js';
import { textRuns } from './text-runs.js';

export function sourcesBlocks(context: DocxContext): FileChild[] {
  const entries = context.brief.sources.map(
    (source, index) =>
      new Paragraph({
        style: styleIds.source,
        numbering: { reference: listReferences.sources, level: 0 },
        children: [
          new Bookmark({ id: sourceBookmark(index + 1), children: textRuns(source.outlet, { bold: true }) }),
          ...textRuns(`, “${source.title}”, ${formatDate(source.date)}${source.dateNote ? ` (${source.dateNote})` : ''}.`),
          ...(source.reliability ? textRuns(` Reliability ${source.reliability}.`) : []),
          ...(source.url && isSafeLink(source.url)
            ? [new TextRun(' '), new ExternalHyperlink({ link: source.url, children: [new TextRun({ text: source.url, style: styleIds.hyperlink })] })]
            : []),
          ...(source.note ? textRuns(` ${source.note}`, { italics: true }) : []),
        ],
      }),
  );
  return [heading(1, 'Sources', context), ...entries];
}
