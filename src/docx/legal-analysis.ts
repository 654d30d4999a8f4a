/**
 * One legal analysis: its question, lead, the request or claim, the instruments table, grounds
 * for and against, obligations, the parties' positions and the assessment with its likelihood
 * and confidence — the headings the HTML template gives them.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import type { LegalAnalysis } from '../types.js';
import { formatDate } from '../render/helpers/common.js';
import { heading, listReferences, markdownBlocks, markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';
import { measuresParagraph } from './measures.js';
import { styleIds } from './style-ids.js';
import { briefTable } from './tables.js';
import { textRuns } from './text-runs.js';

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const dateOrDash = (date: string | null) => textRuns(date ? formatDate(date) : '—');

type Clause = LegalAnalysis['obligations'][number];

function clauses(title: string, list: readonly Clause[], context: DocxContext): FileChild[] {
  if (list.length === 0) return [];
  return [
    heading(2, title, context),
    ...list.map(
      (clause) =>
        new Paragraph({
          numbering: { reference: listReferences.bullets, level: 0 },
          children: [...(clause.instrument ? textRuns(`${clause.instrument}: `, { bold: true }) : []), ...markdownInline(clause.text, context)],
        }),
    ),
  ];
}

/** "Grounds to refuse" a request, "Grounds against the claim", "Grounds for the case" … */
function groundsTitle(side: 'for' | 'against', request: LegalAnalysis['request']): string {
  if (side === 'against' && request?.kind === 'request') return 'Grounds to refuse';
  return `Grounds ${side} the ${request?.kind ?? 'case'}`;
}

/** The request or claim: its heading, who made it against whom and when, and its text. */
function requestBlocks(request: LegalAnalysis['request'], context: DocxContext): FileChild[] {
  if (!request) return [];
  const attribution = request.by
    ? `${request.by}${request.against ? ` against ${request.against}` : ''}${request.date ? `, ${formatDate(request.date)}` : ''}`
    : null;
  return [
    heading(2, `The ${request.kind}`, context),
    ...(attribution ? [new Paragraph({ style: styleIds.attribution, children: textRuns(attribution) })] : []),
    ...markdownBlocks(request.text, context),
  ];
}

/** The instruments table: name and kind, signed, ratified, what it provides. */
function instrumentBlocks(instruments: LegalAnalysis['instruments'], context: DocxContext): FileChild[] {
  if (instruments.length === 0) return [];
  const rows = instruments.map((instrument) => [
    [...textRuns(instrument.name, { bold: true }), new TextRun({ break: 1 }), ...textRuns(capitalised(instrument.kind), { italics: true })],
    dateOrDash(instrument.signed),
    dateOrDash(instrument.ratified),
    markdownInline(instrument.provides, context),
  ]);
  return [
    heading(2, 'Legal instruments and principles', context),
    briefTable({ headers: ['Instrument', 'Signed', 'Ratified', 'What it provides'], widths: [4, 1.8, 1.8, 6], rows }, context),
  ];
}

function positionBlocks(positions: LegalAnalysis['positions'], context: DocxContext): FileChild[] {
  if (positions.length === 0) return [];
  return [
    heading(2, 'Positions of the parties', context),
    ...positions.flatMap((position) => [
      new Paragraph({ style: styleIds.attribution, children: textRuns(position.party, { bold: true }) }),
      ...markdownBlocks(position.text, context),
    ]),
  ];
}

export function legalAnalysisBlocks(analysis: LegalAnalysis, context: DocxContext): FileChild[] {
  const { request, assessment } = analysis;
  const measures = measuresParagraph(assessment.likelihood, assessment.confidence);
  const grounds = (side: 'for' | 'against') =>
    clauses(
      groundsTitle(side, request),
      analysis.grounds.filter((ground) => ground.side === side),
      context,
    );
  return [
    ...(analysis.question ? [new Paragraph({ children: [...textRuns('Question: ', { bold: true }), ...textRuns(analysis.question)] })] : []),
    ...(analysis.lead ? markdownBlocks(analysis.lead, context) : []),
    ...requestBlocks(request, context),
    ...instrumentBlocks(analysis.instruments, context),
    ...grounds('for'),
    ...grounds('against'),
    ...clauses('Obligations', analysis.obligations, context),
    ...positionBlocks(analysis.positions, context),
    heading(2, 'Assessment', context),
    ...(measures ? [measures] : []),
    ...markdownBlocks(assessment.text, context),
  ];
}
