/**
 * Compares a brief with its previously published model and describes the difference in the
 * brief's own terms — judgments added, withdrawn or re-graded ("likely → very likely"), new
 * reactions and timeline events, changed files — never as JSON paths.
 */
import type { Brief } from '../types.js';
import type { ChangesView } from '../render/changes-view.js';
import { ChangeCounts, plain } from './change-text.js';
import { judgmentChanges } from './judgment-changes.js';
import { fileChanges, legalChanges, reactionChanges, timelineChanges } from './part-changes.js';

export interface BriefChanges {
  view: ChangesView;
  /** "1 judgment added, 1 likelihood changed, 2 new events". */
  summary: string;
}

/** One group of the change list: its lines, counting each change it lists. */
type PartChanges = (previous: Brief, current: Brief, counts: ChangeCounts) => string[];

function bottomLine(previous: Brief, current: Brief, counts: ChangeCounts): string[] {
  if (plain(previous.meta.summary) === plain(current.meta.summary)) return [];
  counts.add('revised bottom line');
  return ['The bottom line up front has been revised.'];
}

/** The groups in the order the list shows them (and the summary counts them). */
const parts: Array<[string, PartChanges]> = [
  ['Bottom line', bottomLine],
  ['Key judgments', judgmentChanges],
  ['Reactions', reactionChanges],
  ['Timeline', timelineChanges],
  ['Files', fileChanges],
  ['Legal analysis', legalChanges],
];

/** Compares `previous` (the published model) with `current`; null when nothing a reader would notice changed. */
export function diffBriefs(previous: Brief, current: Brief): BriefChanges | null {
  const counts = new ChangeCounts();
  const groups = parts.map(([title, part]) => ({ title, items: part(previous, current, counts) })).filter((group) => group.items.length > 0);
  if (groups.length === 0) return null;
  return { view: { since: previous.meta.date, groups }, summary: counts.summary() };
}
