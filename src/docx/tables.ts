/**
 * Tables in the Brief Table style: a header row marked as one (Word repeats it on every page and
 * screen readers announce it), rows that do not split across pages, widths as shares of the
 * text column.
 */
import { Paragraph, Table, TableCell, TableRow, WidthType, type ParagraphChild } from 'docx';
import { styleIds } from './style-ids.js';
import { textRuns } from './text-runs.js';
import type { DocxContext } from './context.js';

/** A cell: runs for one paragraph, or paragraphs. */
export type CellContent = ParagraphChild[] | Paragraph[];

export interface TableSpec {
  headers: string[];
  rows: CellContent[][];
  /** Relative column widths (any unit; they are scaled to the text column). */
  widths: number[];
}

function cell(content: CellContent, style: string, width: number): TableCell {
  const paragraphs =
    content.length > 0 && content.every((child) => child instanceof Paragraph)
      ? (content as Paragraph[])
      : [new Paragraph({ style, children: content as ParagraphChild[] })];
  return new TableCell({ children: paragraphs, width: { size: width, type: WidthType.DXA } });
}

/** A table with a repeating header row. */
export function briefTable(spec: TableSpec, context: DocxContext): Table {
  const total = spec.widths.reduce((sum, width) => sum + width, 0) || 1;
  const widths = spec.widths.map((width) => Math.round((width / total) * context.textWidth));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.headers.map((text, index) =>
      cell([new Paragraph({ style: styleIds.tableHeading, children: textRuns(text) })], styleIds.tableHeading, widths[index] ?? 0),
    ),
  });
  const rows = spec.rows.map(
    (row) => new TableRow({ cantSplit: true, children: row.map((content, index) => cell(content, styleIds.tableText, widths[index] ?? 0)) }),
  );
  return new Table({
    style: styleIds.table,
    width: { size: context.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    tableLook: { firstRow: true, noHBand: false, lastRow: false, firstColumn: false, lastColumn: false, noVBand: true },
    rows: [header, ...rows],
  });
}
