/** What changed in the key judgments: added, withdrawn, re-graded ("likely → very likely") or reworded. */
import type { Brief } from '../types.js';
import { type ChangeCounts, plain, quoted, similar } from './change-text.js';

type Judgment = Brief['keyJudgments'][number];

/** Pairs old and new judgments: by explicit id first, then by similar statement. */
function pairJudgments(previous: Judgment[], current: Judgment[]) {
  const pairs: Array<[Judgment, Judgment]> = [];
  const oldLeft = new Set(previous);
  const newLeft = new Set(current);
  const pair = (before: Judgment | undefined, now: Judgment) => {
    if (!before) return;
    pairs.push([before, now]);
    oldLeft.delete(before);
    newLeft.delete(now);
  };
  const automatic = (id: string) => /^kj-\d+$/.test(id);
  for (const now of current) pair(automatic(now.id) ? undefined : previous.find((old) => old.id === now.id && oldLeft.has(old)), now);
  for (const now of [...newLeft])
    pair(
      [...oldLeft].find((old) => similar(plain(old.statement), plain(now.statement))),
      now,
    );
  return { pairs, added: [...newLeft], removed: [...oldLeft] };
}

/** One line per judgment added, withdrawn, re-graded or reworded, in the current brief's order. */
export function judgmentChanges(previous: Brief, current: Brief, counts: ChangeCounts): string[] {
  const number = (judgment: Judgment) => `KJ${current.keyJudgments.indexOf(judgment) + 1}`;
  const { pairs, added, removed } = pairJudgments(previous.keyJudgments, current.keyJudgments);
  const items: string[] = [];
  for (const judgment of added) {
    items.push(`New ${number(judgment)}: ${quoted(judgment.statement)} — ${judgment.likelihood}, ${judgment.confidence} confidence`);
    counts.add('judgment added');
  }
  for (const judgment of removed) {
    items.push(`Withdrawn: ${quoted(judgment.statement)}`);
    counts.add('judgment withdrawn');
  }
  for (const [before, now] of pairs.sort((left, right) => current.keyJudgments.indexOf(left[1]) - current.keyJudgments.indexOf(right[1]))) {
    const item = pairChange(before, now, number(now), counts);
    if (item) items.push(item);
  }
  return items;
}

/** How one judgment that stands in both changed: its grades, else its wording; null when unchanged. */
function pairChange(before: Judgment, now: Judgment, number: string, counts: ChangeCounts): string | null {
  const grades: string[] = [];
  if (before.likelihood !== now.likelihood) {
    grades.push(`${before.likelihood} → ${now.likelihood}`);
    counts.add('likelihood changed');
  }
  if (before.confidence !== now.confidence) {
    grades.push(`confidence ${before.confidence} → ${now.confidence}`);
    counts.add('confidence changed');
  }
  if (grades.length > 0) return `${number} ${quoted(now.statement)}: ${grades.join('; ')}`;
  if (plain(before.statement) === plain(now.statement) && plain(before.basis) === plain(now.basis)) return null;
  counts.add('judgment reworded');
  return `${number} reworded: ${quoted(now.statement)}`;
}
