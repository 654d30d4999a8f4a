/**
 * Rules about the body's sections as the reader sees them: a heading with nothing under it, a
 * heading that repeats one the templates print themselves, an id another element already has.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../../errors/report.js';

type Draft = Record<string, unknown>;
interface DraftSection {
  id?: unknown;
  title?: unknown;
  blocks?: unknown;
  position?: Position;
}

/** Headings the built-in templates print, by the id they give them. */
export const generatedHeadings: Readonly<Record<string, string>> = {
  sources: 'Sources',
  'contents-title': 'Contents',
  'bluf-title': 'Bottom line up front',
  'link-notes-title': 'Links in the text',
};
const generatedTitles = new Map(Object.entries(generatedHeadings).map(([id, title]) => [title.toLowerCase(), id]));

/** Ids the templates give elements besides sections: parts, sources, generated headings. */
function generatedIds(draft: Draft): Map<string, string> {
  const ids = new Map<string, string>(Object.entries(generatedHeadings).map(([id, title]) => [id, `the generated “${title}” heading`]));
  ids.set('changes', 'the “Changes since” section').set('changes-title', 'the “Changes since” heading');
  const each = (list: unknown, prefix: string, what: string, key = 'id') => {
    if (!Array.isArray(list)) return;
    for (const item of list as Draft[]) if (typeof item[key] === 'string') ids.set(`${prefix}${item[key] as string}`, what);
  };
  each(draft.files, 'file-', 'a file');
  each(draft.keyJudgments, 'judgment-', 'a key judgment');
  each(draft.sources, 'source-', 'an entry of the Sources list', 'key');
  return ids;
}

/** Warns about empty sections and reports headings and ids that collide with generated ones or each other. */
export function checkSections(file: VFile, draft: Draft): void {
  // Without readable front matter the body's first lines may be its remains: no section rules then.
  if (!Array.isArray(draft.sections) || file.messages.some((message) => message.ruleId?.startsWith('frontmatter-'))) return;
  const taken = generatedIds(draft);
  for (const section of draft.sections as DraftSection[]) {
    const title = typeof section.title === 'string' ? section.title : '';
    const id = typeof section.id === 'string' ? section.id : '';
    if (!title) continue;
    if (Array.isArray(section.blocks) && section.blocks.length === 0) report(file, 'empty-section', section.position, { title });
    const generated = generatedTitles.get(title.trim().toLowerCase());
    if (generated) report(file, 'generated-heading', section.position, { title, generated: generatedHeadings[generated]! });
    else if (taken.has(id)) report(file, 'duplicate-id', section.position, { what: 'section id', id, also: ` (${taken.get(id)!} has it too)` });
    taken.set(id, `the section “${title}”`);
  }
}
