/** The cover: kicker, Title, subtitle, date, audience, authors and the bottom line up front. */
import { Paragraph, TextRun, type FileChild } from 'docx';
import { formatDate } from '../render/helpers/common.js';
import { heading, markdownBlocks } from './blocks.js';
import type { DocxContext } from './context.js';
import { styleIds } from './style-ids.js';
import { textRuns } from './text-runs.js';

const detail = (label: string, value: string) =>
  new Paragraph({
    style: styleIds.coverDetails,
    children: [new TextRun({ text: `${label}  `, style: styleIds.measureLabel }), ...textRuns(value)],
  });

export function coverBlocks(context: DocxContext): FileChild[] {
  const { meta } = context.brief;
  return [
    new Paragraph({ style: styleIds.kicker, children: textRuns('Briefing') }),
    new Paragraph({ style: styleIds.title, children: textRuns(meta.title) }),
    ...(meta.subtitle ? [new Paragraph({ style: styleIds.subtitle, children: textRuns(meta.subtitle) })] : []),
    detail('Date', formatDate(meta.date)),
    ...(meta.audience ? [detail('Audience', meta.audience)] : []),
    ...(meta.authors.length > 0 ? [detail('Prepared by', meta.authors.join(', '))] : []),
    detail('Classification', meta.classification),
    heading(1, 'Bottom line up front', context),
    ...markdownBlocks(meta.summary, context, styleIds.bottomLine),
  ];
}
