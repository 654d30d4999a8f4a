/** A throwaway project folder with briefs, for build tests. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixturesDir } from './fixtures.js';

export const minimalBrief = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8');
/** The full fixture has a file part (it uses the `file` partial); the minimal one does not. */
export const fullBrief = readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8');

/** Creates a project folder holding `files` (relative path → text); returns its path. */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bs-project-'));
  for (const [path, text] of Object.entries(files)) writeProjectFile(root, path, text);
  return root;
}

export function writeProjectFile(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A copy of `text` with another id, so many briefs can be made from one. */
export function withId(text: string, id: string): string {
  return text.replace(/^id: .*$/m, `id: ${id}`);
}
