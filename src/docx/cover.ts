/**
 * What opens a brief: for the full brief (`layout: brief`) a cover — kicker, Title, subtitle, date,
 * audience, authors, classification and the bottom line up front — on a page of its own; for a
 * note (`layout: note`) the same parts as a header block at the top of its first page, as the
 * HTML note prints them (the classification is in the running header and footer).
 */
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

/** Each layout's kicker and the labels of its details. */
const wording = {
  brief: { kicker: 'Briefing', audience: 'Audience', authors: 'Prepared by' },
  note: { kicker: 'Note', audience: 'For', authors: 'From' },
} as const;

/**
 * The cover's Kicker and Title styles stand low on a page of their own; at the top of a note's
 * first page they start without that space (twentieths of a point).
 */
const noteSpacing = { kicker: { before: 0 }, title: { before: 120 } } as const;

function openingBlocks(context: DocxContext, layout: keyof typeof wording): FileChild[] {
  const { meta } = context.brief;
  const words = wording[layout];
  const note = layout === 'note';
  return [
    new Paragraph({ style: styleIds.kicker, ...(note ? { spacing: noteSpacing.kicker } : {}), children: textRuns(words.kicker) }),
    new Paragraph({ style: styleIds.title, ...(note ? { spacing: noteSpacing.title } : {}), children: textRuns(meta.title) }),
    ...(meta.subtitle ? [new Paragraph({ style: styleIds.subtitle, children: textRuns(meta.subtitle) })] : []),
    detail('Date', formatDate(meta.date)),
    ...(meta.audience ? [detail(words.audience, meta.audience)] : []),
    ...(meta.authors.length > 0 ? [detail(words.authors, meta.authors.join(', '))] : []),
    ...(note ? [] : [detail('Classification', meta.classification)]),
    heading(1, 'Bottom line up front', context),
    ...markdownBlocks(meta.summary, context, styleIds.bottomLine),
  ];
}

/** The full brief's cover, the first section of its document. */
export function coverBlocks(context: DocxContext): FileChild[] {
  return openingBlocks(context, 'brief');
}

/** A note's header block, at the top of its only section. */
export function noteHeaderBlocks(context: DocxContext): FileChild[] {
  return openingBlocks(context, 'note');
}
