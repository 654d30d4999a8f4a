/**
 * Page furniture: the classification banner at the top and bottom of every page; on the body's
 * pages also the running header (the title, and "Briefing" or "Note" as the PDF has it) and the
 * footer (the date, "Page X of Y"). The cover is its own section, so it has the banners without
 * the running header; a note has no cover, and its first page has the running header too.
 */
import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { formatDate } from '../render/helpers/common.js';
import type { DocxContext } from './context.js';
import { styleIds } from './style-ids.js';
import { textRuns } from './text-runs.js';

const banner = (context: DocxContext) => new Paragraph({ style: styleIds.classification, children: textRuns(context.brief.meta.classification) });

/** The cover's header and footer: the banners only. */
export function coverFurniture(context: DocxContext) {
  return { headers: { default: new Header({ children: [banner(context)] }) }, footers: { default: new Footer({ children: [banner(context)] }) } };
}

/** The body's header and footer. */
export function bodyFurniture(context: DocxContext) {
  const { meta } = context.brief;
  // The reference's Header and Footer styles may have tabs of their own (Word's: centre and right at A4 widths).
  const rightTab = [
    ...context.furnitureTabs.map((position) => ({ type: TabStopType.CLEAR, position })),
    { type: TabStopType.RIGHT, position: context.textWidth },
  ];
  const running = new Paragraph({
    style: styleIds.header,
    tabStops: rightTab,
    children: [...textRuns(meta.title), new TextRun({ children: [new Tab(), meta.layout === 'note' ? 'Note' : 'Briefing'] })],
  });
  const footer = new Paragraph({
    style: styleIds.footer,
    tabStops: rightTab,
    children: [...textRuns(formatDate(meta.date)), new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
  });
  return {
    headers: { default: new Header({ children: [banner(context), running] }) },
    footers: { default: new Footer({ children: [footer, banner(context)] }) },
  };
}
