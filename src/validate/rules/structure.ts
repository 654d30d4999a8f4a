/** Structural rules the schema cannot express: unique ids, timeline order, placeholders. */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from '../../errors/report.js';
import type { Places } from '../../model/places.js';

type Parts = Array<Record<string, unknown>> | undefined;

/** Reports ids that appear twice among judgments, files and legal analyses. */
export function checkDuplicateIds(file: VFile, draft: { keyJudgments?: Parts; files?: Parts; legalAnalyses?: Parts }, places: Places): void {
  for (const [list, what] of [
    ['keyJudgments', 'judgment id'],
    ['files', 'file id'],
    ['legalAnalyses', 'legal analysis id'],
  ] as const) {
    const seen = new Set<string>();
    (draft[list] ?? []).forEach((part, index) => {
      const id = part.id;
      if (typeof id !== 'string') return;
      if (seen.has(id)) report(file, 'duplicate-id', places.get(`${list}.${index}.id`) ?? places.get(`${list}.${index}`), { what, id });
      seen.add(id);
    });
  }
}

/** Warns when a timeline event is dated before the one above it; dates in `failed` are skipped. */
export function checkTimelineOrder(file: VFile, draft: { timeline?: Parts }, places: Places, failed: ReadonlySet<string> = new Set()): void {
  let previous = '';
  (draft.timeline ?? []).forEach((event, index) => {
    const date = typeof event.date === 'string' && !failed.has(`timeline.${index}.date`) ? event.date : '';
    if (date && previous && date < previous.slice(0, date.length)) {
      report(file, 'timeline-order', places.get(`timeline.${index}.date`) ?? places.get(`timeline.${index}`), { date, previous });
    }
    if (date) previous = date;
  });
}

/** Warns about `TODO` placeholders (what `briefsmith new` writes) left in the brief. */
export function checkPlaceholders(file: VFile): void {
  const text = String(file.value);
  const toPoint = location(text).toPoint;
  for (const match of text.matchAll(/\bTODO\b/g)) report(file, 'fill-me', toPoint(match.index));
}
