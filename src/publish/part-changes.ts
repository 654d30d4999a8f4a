/** What changed in the other parts of a brief: reactions, timeline, files and legal assessments. */
import { formatDate } from '../render/helpers/common.js';
import type { Brief } from '../types.js';
import { type ChangeCounts, plain, quoted } from './change-text.js';

/** New reactions, and reactions whose stance or account changed (same actor, same date). */
export function reactionChanges(previous: Brief, current: Brief, counts: ChangeCounts): string[] {
  const reactionKey = (reaction: Brief['reactions'][number]) => `${reaction.actor}\0${reaction.date}`;
  const oldReactions = new Map(previous.reactions.map((reaction) => [reactionKey(reaction), reaction]));
  const items: string[] = [];
  for (const reaction of current.reactions) {
    const before = oldReactions.get(reactionKey(reaction));
    const who = `${reaction.actor} (${formatDate(reaction.date)})`;
    if (!before) {
      items.push(`New: ${who}, ${reaction.stance}: ${quoted(reaction.text)}`);
      counts.add('new reaction');
    } else if (before.stance !== reaction.stance) {
      items.push(`${who}: ${before.stance} → ${reaction.stance}`);
      counts.add('reaction changed');
    } else if (plain(before.text) !== plain(reaction.text)) {
      items.push(`${who}: account updated`);
      counts.add('reaction changed');
    }
  }
  return items;
}

/** Timeline events that are new (by date and text). */
export function timelineChanges(previous: Brief, current: Brief, counts: ChangeCounts): string[] {
  const eventKey = (event: Brief['timeline'][number]) => `${event.date}\0${plain(event.text)}`;
  const oldEvents = new Set(previous.timeline.map(eventKey));
  const newEvents = current.timeline.filter((event) => !oldEvents.has(eventKey(event)));
  for (const _ of newEvents) counts.add('new event');
  return newEvents.map((event) => `${formatDate(event.date)}: ${plain(event.text)}`);
}

type BriefFile = Brief['files'][number];

/** Files added, removed, or with one of their four parts changed. */
export function fileChanges(previous: Brief, current: Brief, counts: ChangeCounts): string[] {
  const oldFiles = new Map(previous.files.map((file) => [file.id, file]));
  const items: string[] = [];
  for (const file of current.files) {
    const before = oldFiles.get(file.id);
    oldFiles.delete(file.id);
    if (!before) {
      items.push(`New: ${plain(file.title)}`);
      counts.add('file added');
      continue;
    }
    const parts = changedParts(before, file);
    if (parts.length > 0) {
      items.push(`${plain(file.title)}: ${parts.join(', ')} updated`);
      counts.add('file changed');
    }
  }
  for (const file of oldFiles.values()) {
    items.push(`Removed: ${plain(file.title)}`);
    counts.add('file removed');
  }
  return items;
}

/** The parts of a file that changed, as a reader names them. */
function changedParts(before: BriefFile, file: BriefFile): string[] {
  const interests = (of: BriefFile) => of.interests.map((interest) => `${interest.party}:${plain(interest.text)}`).join('\n');
  return [
    plain(before.lead) !== plain(file.lead) ? 'introduction' : '',
    interests(before) !== interests(file) ? 'interests' : '',
    plain(before.state) !== plain(file.state) ? 'state of play' : '',
    plain(before.outlook) !== plain(file.outlook) ? 'outlook' : '',
  ].filter(Boolean);
}

/** "Extradition (Bashar al-Assad) assessment", or the question when the analysis states one. */
const label = (analysis: Brief['legalAnalyses'][number]) =>
  analysis.question ?? `${analysis.kind.charAt(0).toUpperCase()}${analysis.kind.slice(1)}${analysis.subject ? ` (${analysis.subject})` : ''} assessment`;

/** Legal analyses (same id and kind) whose assessed likelihood changed. */
export function legalChanges(previous: Brief, current: Brief, counts: ChangeCounts): string[] {
  const items: string[] = [];
  for (const analysis of current.legalAnalyses) {
    const before = previous.legalAnalyses.find((old) => old.id === analysis.id && old.kind === analysis.kind);
    const [was, now] = [before?.assessment.likelihood, analysis.assessment.likelihood];
    if (was && now && was !== now) {
      items.push(`${label(analysis)}: ${was} → ${now}`);
      counts.add('likelihood changed');
    }
  }
  return items;
}
