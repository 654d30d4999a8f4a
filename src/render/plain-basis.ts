/**
 * What every render of a brief starts from, worked out once per brief (see below): kept apart
 * from the view so that the model cache can store it and hand it back (`adoptPlainBasis`).
 */
import type { Brief } from '../types.js';
import { wantsContents } from './contents.js';
import { type PlainCopy, plainCopyOf } from './plain-copy.js';

/**
 * The brief as plain JSON, the code points of its text and whether it gets a contents page, worked
 * out once per brief: its Markdown and HTML renders both need them (a copy and a word count of
 * the whole model each), and a validated brief is never changed. Views share the copy and build
 * their own objects on top.
 */
const plainCopies = new WeakMap<Brief, PlainCopy<Brief> & { showContents: boolean }>();

/**
 * Takes `brief` as its own plain copy, with the code points and contents decision worked out when
 * it was (the model cache keeps a brief in that form, read back as plain JSON).
 */
export function adoptPlainBasis(brief: Brief, codePoints: Iterable<number>, showContents: boolean): void {
  plainCopies.set(brief, { plain: brief, codePoints: new Set(codePoints), showContents });
}

/** What a render needs of `brief` besides its own fields: its plain copy, the code points of its text, whether it gets a contents page. */
export function plainBasis(brief: Brief): PlainCopy<Brief> & { showContents: boolean } {
  let copy = plainCopies.get(brief);
  if (!copy) {
    copy = { ...plainCopyOf(brief), showContents: wantsContents(brief) };
    plainCopies.set(brief, copy);
  }
  return copy;
}

/** The code points above U+007E of every text a template can show of `brief` (the fonts a page needs are picked from them). */
export function briefCodePoints(brief: Brief): ReadonlySet<number> {
  return plainBasis(brief).codePoints;
}
