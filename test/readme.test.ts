/** The README is what a newcomer trusts first: its example must be a valid brief, its set-up two commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseBrief, validateBrief, renderBrief, BriefHasErrorsError } from '../src/index.js';
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
  expect(
    setup
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('#')[0]!.trim()),
  ).toEqual(['npm install && npm run build', 'npm test']);
});

it('runs the library snippet on a brief with an error without rendering it', async () => {
  const snippet = /## Library\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const body = snippet
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .join('\n');
  const example = /```markdown\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const flawed = example.replace(/\[@([\w-]+)\]/, '[@$1-typo]');
  expect(flawed).not.toBe(example);
  const rendered: string[] = [];
  const logged: string[] = [];
  const api = {
    parseBrief,
    validateBrief,
    renderBrief: async (...args: Parameters<typeof renderBrief>) => {
      rendered.push(String(args[1]));
      return renderBrief(...args);
    },
    console: { error: (text: string) => logged.push(text) },
  };
  const run = new Function(...Object.keys(api), 'text', `return (async () => { ${body} })();`);
  await run(...Object.values(api), flawed);
  expect(rendered).toEqual([]);
  expect(logged.join('\n')).toMatch(/unresolved-citation|citation `@/);
});

it('refuses to render the partial model of a brief with an error', async () => {
  const example = /```markdown\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const { brief, partial } = validateBrief(parseBrief(example.replace(/\[@([\w-]+)\]/, '[@$1-typo]')));
  expect(brief).toBeNull();
  expect(partial).not.toBeNull();
  await expect(renderBrief(partial!, 'html')).rejects.toBeInstanceOf(BriefHasErrorsError);
  await expect(renderBrief(partial!, 'json')).rejects.toThrow(/Refusing to render a brief with 1 error/);
});
