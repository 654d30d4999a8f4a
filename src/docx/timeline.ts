/** Timeline events as a two-column table (Date, Event). */
import type { FileChild } from 'docx';
import type { TimelineEvent } from '../types.js';
import { formatDate } from '../render/helpers/common.js';
import { markdownInline } from './blocks.js';
import type { DocxContext } from './context.js';
import { briefTable } from './tables.js';
import { textRuns } from './text-runs.js';

export function timelineBlocks(events: readonly TimelineEvent[], context: DocxContext): FileChild[] {
  return [
    briefTable(
      {
        headers: ['Date', 'Event'],
        widths: [1, 4],
        rows: events.map((event) => [textRuns(formatDate(event.date)), markdownInline(event.text, context)]),
      },
      context,
    ),
  ];
}
