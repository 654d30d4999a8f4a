/**
 * Which sections a rendered brief shows, and whether its printed contents page is worth its
 * page. A contents page helps a reader find their way through a long brief; in front of two
 * pages of text it is a white page to turn. `contents: auto` (the default) prints one only for a
 * brief with enough entries and enough text to fill several pages; `always` and `never` decide
 * for the writer.
 */
import type { Brief, Section } from '../types.js';

/** Entries (titled sections and their files) below which a contents page never pays. */
export const contentsMinimumEntries = 4;
/** Words of body text, about four printed pages of it, below which a contents page never pays. */
export const contentsMinimumWords = 2000;

/** A section with nothing in it is reported (`empty-section`) and not rendered. */
export const isShown = (section: Section): boolean => section.blocks.length > 0;

/** The sections the templates render, in order. */
export const shownSections = (brief: Brief): Section[] => brief.sections.filter(isShown);

/** Named destinations of the contents entries: titled sections, their files, `sources`. */
export function contentsTargets(brief: Brief): string[] {
  const targets = shownSections(brief).flatMap((section) =>
    section.title
      ? [section.id, ...section.blocks.filter((block) => block.kind === 'file').map((block) => `file-${brief.files[block.index ?? 0]?.id ?? ''}`)]
      : [],
  );
  return [...targets, 'sources'];
}

/** Words in every string of `value` except source positions and citation records. */
function wordsIn(value: unknown): number {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean).length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + wordsIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, item] of Object.entries(value)) if (key !== 'position' && key !== 'citations') sum += wordsIn(item);
  return sum;
}

/** Whether the printed brief gets a contents page. */
export function wantsContents(brief: Brief): boolean {
  const setting = brief.meta.contents;
  if (setting !== 'auto') return setting === 'always';
  // A note is one or two pages by design.
  if (brief.meta.layout === 'note') return false;
  const { meta: _meta, sources: _sources, quotes: _quotes, ...body } = brief;
  return contentsTargets(brief).length - 1 >= contentsMinimumEntries && wordsIn(body) >= contentsMinimumWords;
}
