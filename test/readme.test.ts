/** The README is what a newcomer trusts first: its example must be a valid brief, its set-up two commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseBrief, validateBrief } from '../src/index.js';
import { root } from './helpers/fixtures.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

it('shows an example brief of about 20 lines that checks clean', () => {
  const example = /```markdown\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(example.split('\n').length).toBeGreaterThanOrEqual(15);
  expect(example.split('\n').length).toBeLessThanOrEqual(25);
  const { brief, file } = validateBrief(parseBrief(example, { path: 'README example' }));
  expect(file.messages.map(String)).toEqual([]);
  expect(brief?.keyJudgments).toHaveLength(1);
});

it('gives exactly the two set-up commands', () => {
  const setup = /## Set up\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(setup.split('\n').filter(Boolean).map((line) => line.split('#')[0]!.trim())).toEqual(['npm install && npm run build', 'npm test']);
});
