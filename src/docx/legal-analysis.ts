/**
 * The legal analysis: lead, the request, the instruments table, grounds to refuse, obligations,
 * the parties' positions and the assessment with its likelihood and confidence.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Extradition } from '../types.js';
import { formatDate } from '../render/helpers/common.js';
import { heading, listReferences, markdownBlocks, markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';
import { measuresParagraph } from './measures.js';
import { styleIds } from './style-ids.js';
import { briefTable } from './tables.js';
import { textRuns } from './text-runs.js';

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const dateOrDash = (date: string | null) => textRuns(date ? formatDate(date) : '—');

type Clause = Extradition['exceptions'][number];

function clauses(title: string, list: readonly Clause[], context: DocxContext): FileChild[] {
  if (list.length === 0) return [];
  return [heading(2, title, context), ...list.map((clause) => new Paragraph({
    numbering: { reference: listReferences.bullets, level: 0 },
    children: [...(clause.instrument ? textRuns(`${clause.instrument}: `, { bold: true }) : []), ...markdownInline(clause.text, context)],
  }))];
}

export function legalAnalysisBlocks(analysis: Extradition, context: DocxContext): FileChild[] {
  const { request, assessment } = analysis;
  const attribution = request.by ? `${request.by}${request.date ? `, ${formatDate(request.date)}` : ''}` : null;
  const measures = measuresParagraph(assessment.likelihood, assessment.confidence);
  return [
    ...(analysis.lead ? markdownBlocks(analysis.lead, context) : []),
    heading(2, 'The request', context),
    ...(attribution ? [new Paragraph({ style: styleIds.attribution, children: textRuns(attribution) })] : []),
    ...markdownBlocks(request.text, context),
    heading(2, 'Legal instruments and principles', context),
    briefTable({
      headers: ['Instrument', 'Signed', 'Ratified', 'What it provides'],
      widths: [4, 1.8, 1.8, 6],
      rows: analysis.instruments.map((instrument) => [
        [...textRuns(instrument.name, { bold: true }), new TextRun({ break: 1 }), ...textRuns(capitalised(instrument.kind), { italics: true })],
        dateOrDash(instrument.signed),
        dateOrDash(instrument.ratified),
        markdownInline(instrument.provides, context),
      ]),
    }, context),
    ...clauses('Grounds to refuse', analysis.exceptions, context),
    ...clauses('Obligations', analysis.obligations, context),
    ...(analysis.positions.length > 0 ? [heading(2, 'Positions of the parties', context), ...analysis.positions.flatMap((position) => [
      new Paragraph({ style: styleIds.attribution, children: textRuns(position.party, { bold: true }) }),
      ...markdownBlocks(position.text, context),
    ])] : []),
    heading(2, 'Assessment', context),
    ...(measures ? [measures] : []),
    ...markdownBlocks(assessment.text, context),
  ];
}
