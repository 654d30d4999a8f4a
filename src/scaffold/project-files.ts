/**
 * The files of a new briefs repository (`briefsmith init`): the config, an example brief (the
 * skeleton `briefsmith new` writes), an empty `templates/` override folder with a README, the CI
 * workflow, `.gitignore` and a README. The texts a person reads or edits live as files in
 * `defaults/project/` (the workflow is briefsmith's own `.github/workflows/briefs.yml` for a
 * repository without built-ins of its own; a test keeps the two in step); names that start with
 * a dot are stored without it, because npm leaves `.gitignore` out of a package.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newBrief } from './new-brief.js';

/** Where the shipped texts are (from `src/scaffold/` and `dist/scaffold/` alike). */
export const projectDefaultsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../defaults/project');

/** A file of the new repository: its path (relative, `/` separators) and text. */
export interface ProjectFile {
  path: string;
  text: string;
}

/** What goes where: the repository path and the shipped file it is copied from. */
export const shippedFiles: ReadonlyArray<{ path: string; from: string }> = [
  { path: 'README.md', from: 'README.md' },
  { path: 'templates/README.md', from: 'templates-README.md' },
  { path: '.github/workflows/briefs.yml', from: 'briefs.yml' },
  { path: '.gitignore', from: 'gitignore' },
];

/** The id of the example brief: `briefs/example.md`. */
export const exampleBriefId = 'example';

/** The project settings: the templates folder is named so commands find it from any sub-folder. */
export const projectConfig = `${JSON.stringify({ templates: 'templates' }, null, 2)}\n`;

/**
 * Every file of a new repository except package.json (which is merged, see package-json.ts);
 * without `example` (a unit bringing briefs of its own), no `briefs/example.md`.
 */
export function projectFiles(options: { date: string; example?: boolean }): ProjectFile[] {
  const example = { path: `briefs/${exampleBriefId}.md`, text: newBrief({ id: exampleBriefId, title: 'Example brief', date: options.date }) };
  return [
    { path: 'briefsmith.config.json', text: projectConfig },
    ...(options.example === false ? [] : [example]),
    ...shippedFiles.map(({ path, from }) => ({ path, text: readFileSync(resolve(projectDefaultsDir, from), 'utf8') })),
  ];
}
