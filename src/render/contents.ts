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

/**
 * Whether the UTF-16 code unit `code` is white space as `\s` means it (WhiteSpace and
 * LineTerminator in ECMAScript): the word count below must be the one `split(/\s+/)` gives.
 */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Runs of non-space in `text`: `text.split(/\s+/).filter(Boolean).length`, without the arrays (every string of a brief is counted). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const space = isSpace(text.charCodeAt(index));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Words in every string of `value` except source positions and citation records. */
function wordsIn(value: unknown): number {
  if (typeof value === 'string') return countWords(value);
  if (Array.isArray(value)) {
    let sum = 0;
    for (const item of value) sum += wordsIn(item);
    return sum;
  }
  if (value === null || typeof value !== 'object') return 0;
  let sum = 0;
  for (const key in value) if (key !== 'position' && key !== 'citations') sum += wordsIn((value as Record<string, unknown>)[key]);
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
