/** The size of GFM tables, counted line by line before parsing: every row is padded to the header's width. */
import { countOf } from './parse-limits.js';

/** The table being read: its columns (0 outside a table), rows so far and the header's line. */
export interface TableScan {
  columns: number;
  rows: number;
  line: number;
}

/**
 * The cells of the table being read, as an over-estimate: a delimiter row (only `|`, `-`, `:`
 * and blanks, under a line with a `|`) starts a table of as many columns as it has pipes plus
 * one, and every line up to a blank one is a row of that width.
 */
export function countTableCells(table: TableScan, content: string, previous: string, number: number): number {
  if (content === '') {
    table.columns = 0;
    return 0;
  }
  if (table.columns > 0) return table.columns * ++table.rows;
  if (content.includes('-') && (content.includes('|') || previous.includes('|')) && isDelimiterRow(content)) {
    const trimmed = content.trim();
    table.columns = countOf(trimmed, '|') + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && trimmed.length > 1 ? 1 : 0);
    table.rows = 2;
    table.line = number - 1;
    return table.columns * table.rows;
  }
  return 0;
}

function isDelimiterRow(content: string): boolean {
  for (const character of content) if (character !== '|' && character !== '-' && character !== ':' && character !== ' ' && character !== '\t') return false;
  return true;
}
