/**
 * Compares a brief with its previously published model and describes the difference in the
 * brief's own terms — judgments added, withdrawn or re-graded ("likely → very likely"), new
 * reactions and timeline events, changed files — never as JSON paths.
 */
import { distance } from 'fastest-levenshtein';
import { withoutCitations } from '../source/linear-text.js';
import type { Brief } from '../types.js';
import type { ChangesView } from '../render/changes-view.js';
import { formatDate } from '../render/helpers/common.js';

export interface BriefChanges {
  view: ChangesView;
  /** "1 judgment added, 1 likelihood changed, 2 new events". */
  summary: string;
}

type Judgment = Brief['keyJudgments'][number];

/** The text of a Markdown field without citations, on one line: what a change list quotes and compares. */
const plain = (markdown: string | null | undefined) =>
  withoutCitations(markdown ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const quoted = (markdown: string) => `“${plain(markdown.split(/\n[^\S\n]*\n/)[0])}”`;
const similar = (left: string, right: string) => distance(left, right) <= Math.max(left.length, right.length) * 0.4;

/** Pairs old and new judgments: by explicit id first, then by similar statement. */
function pairJudgments(previous: Judgment[], current: Judgment[]) {
  const pairs: Array<[Judgment, Judgment]> = [];
  const oldLeft = new Set(previous);
  const newLeft = new Set(current);
  const automatic = (id: string) => /^kj-\d+$/.test(id);
  for (const now of current) {
    const before = automatic(now.id) ? undefined : previous.find((old) => old.id === now.id && oldLeft.has(old));
    if (before) {
      pairs.push([before, now]);
      oldLeft.delete(before);
      newLeft.delete(now);
    }
  }
  for (const now of [...newLeft]) {
    const before = [...oldLeft].find((old) => similar(plain(old.statement), plain(now.statement)));
    if (before) {
      pairs.push([before, now]);
      oldLeft.delete(before);
      newLeft.delete(now);
    }
  }
  return { pairs, added: [...newLeft], removed: [...oldLeft] };
}

/** "Extradition (Bashar al-Assad) assessment", or the question when the analysis states one. */
const label = (analysis: Brief['legalAnalyses'][number]) =>
  analysis.question ?? `${analysis.kind.charAt(0).toUpperCase()}${analysis.kind.slice(1)}${analysis.subject ? ` (${analysis.subject})` : ''} assessment`;

/** Compares `previous` (the published model) with `current`; null when nothing a reader would notice changed. */
export function diffBriefs(previous: Brief, current: Brief): BriefChanges | null {
  const groups: ChangesView['groups'] = [];
  const counts = new Map<string, number>();
  const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  // "judgment added" → "judgments added", "new event" → "new events": the noun is the word that is not "new".
  const plural = (what: string, times: number) =>
    times === 1 ? what : what.replace(/^(new )?(\w+)/, (_, prefix: string | undefined, noun: string) => `${prefix ?? ''}${noun}s`);
  const group = (title: string, items: string[]) => {
    if (items.length > 0) groups.push({ title, items });
  };

  if (plain(previous.meta.summary) !== plain(current.meta.summary)) {
    group('Bottom line', ['The bottom line up front has been revised.']);
    count('revised bottom line');
  }

  const number = (judgment: Judgment) => `KJ${current.keyJudgments.indexOf(judgment) + 1}`;
  const { pairs, added, removed } = pairJudgments(previous.keyJudgments, current.keyJudgments);
  const judgmentItems: string[] = [];
  for (const judgment of added) {
    judgmentItems.push(`New ${number(judgment)}: ${quoted(judgment.statement)} — ${judgment.likelihood}, ${judgment.confidence} confidence`);
    count('judgment added');
  }
  for (const judgment of removed) {
    judgmentItems.push(`Withdrawn: ${quoted(judgment.statement)}`);
    count('judgment withdrawn');
  }
  for (const [before, now] of pairs.sort((left, right) => current.keyJudgments.indexOf(left[1]) - current.keyJudgments.indexOf(right[1]))) {
    const grades: string[] = [];
    if (before.likelihood !== now.likelihood) {
      grades.push(`${before.likelihood} → ${now.likelihood}`);
      count('likelihood changed');
    }
    if (before.confidence !== now.confidence) {
      grades.push(`confidence ${before.confidence} → ${now.confidence}`);
      count('confidence changed');
    }
    if (grades.length > 0) judgmentItems.push(`${number(now)} ${quoted(now.statement)}: ${grades.join('; ')}`);
    else if (plain(before.statement) !== plain(now.statement) || plain(before.basis) !== plain(now.basis)) {
      judgmentItems.push(`${number(now)} reworded: ${quoted(now.statement)}`);
      count('judgment reworded');
    }
  }
  group('Key judgments', judgmentItems);

  const reactionKey = (reaction: Brief['reactions'][number]) => `${reaction.actor}\0${reaction.date}`;
  const oldReactions = new Map(previous.reactions.map((reaction) => [reactionKey(reaction), reaction]));
  const reactionItems: string[] = [];
  for (const reaction of current.reactions) {
    const before = oldReactions.get(reactionKey(reaction));
    const who = `${reaction.actor} (${formatDate(reaction.date)})`;
    if (!before) {
      reactionItems.push(`New: ${who}, ${reaction.stance}: ${quoted(reaction.text)}`);
      count('new reaction');
    } else if (before.stance !== reaction.stance) {
      reactionItems.push(`${who}: ${before.stance} → ${reaction.stance}`);
      count('reaction changed');
    } else if (plain(before.text) !== plain(reaction.text)) {
      reactionItems.push(`${who}: account updated`);
      count('reaction changed');
    }
  }
  group('Reactions', reactionItems);

  const eventKey = (event: Brief['timeline'][number]) => `${event.date}\0${plain(event.text)}`;
  const oldEvents = new Set(previous.timeline.map(eventKey));
  const newEvents = current.timeline.filter((event) => !oldEvents.has(eventKey(event)));
  for (const _ of newEvents) count('new event');
  group(
    'Timeline',
    newEvents.map((event) => `${formatDate(event.date)}: ${plain(event.text)}`),
  );

  const oldFiles = new Map(previous.files.map((file) => [file.id, file]));
  const fileItems: string[] = [];
  for (const file of current.files) {
    const before = oldFiles.get(file.id);
    oldFiles.delete(file.id);
    if (!before) {
      fileItems.push(`New: ${plain(file.title)}`);
      count('file added');
      continue;
    }
    const parts = [
      plain(before.lead) !== plain(file.lead) ? 'introduction' : '',
      before.interests.map((interest) => `${interest.party}:${plain(interest.text)}`).join('\n') !==
      file.interests.map((interest) => `${interest.party}:${plain(interest.text)}`).join('\n')
        ? 'interests'
        : '',
      plain(before.state) !== plain(file.state) ? 'state of play' : '',
      plain(before.outlook) !== plain(file.outlook) ? 'outlook' : '',
    ].filter(Boolean);
    if (parts.length > 0) {
      fileItems.push(`${plain(file.title)}: ${parts.join(', ')} updated`);
      count('file changed');
    }
  }
  for (const file of oldFiles.values()) {
    fileItems.push(`Removed: ${plain(file.title)}`);
    count('file removed');
  }
  group('Files', fileItems);

  const legalItems: string[] = [];
  for (const analysis of current.legalAnalyses) {
    const before = previous.legalAnalyses.find((old) => old.id === analysis.id && old.kind === analysis.kind);
    const [was, now] = [before?.assessment.likelihood, analysis.assessment.likelihood];
    if (was && now && was !== now) {
      legalItems.push(`${label(analysis)}: ${was} → ${now}`);
      count('likelihood changed');
    }
  }
  group('Legal analysis', legalItems);

  if (groups.length === 0) return null;
  const summary = [...counts].map(([what, times]) => `${times} ${plural(what, times)}`).join(', ');
  return { view: { since: previous.meta.date, groups }, summary };
}
