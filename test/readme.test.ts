/** The README is what a newcomer trusts first: its example must be a valid brief, its set-up commands must work. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

it('its set-up commands run: each is an npm command the package defines, and `npm run build` builds every brief into out/', () => {
  const setup = /## Set up\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = setup
    .split('\n')
    .map((line) => line.split('#')[0]!.trim())
    .filter(Boolean)
    .flatMap((line) => line.split('&&').map((command) => command.trim()));
  expect(commands.length).toBeGreaterThan(0);
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  let built: string | undefined;
  for (const command of commands) {
    const [tool, verb, name] = command.split(/\s+/);
    expect(tool, command).toBe('npm');
    // `npm install` is what this suite already runs in; `npm test` is this suite.
    if (verb === 'install' || verb === 'ci') continue;
    const script = verb === 'run' ? name! : verb!;
    expect(Object.keys(scripts), command).toContain(script);
    if (script === 'test') continue;
    // Run as npm runs it, with the out dir moved out of the checkout.
    built = mkdtempSync(join(tmpdir(), 'bs-readme-'));
    const run = spawnSync('npm', ['run', '--silent', script, '--', '--out', built], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    expect(run.status, `${command}: ${run.stderr}`).toBe(0);
  }
  // "builds every brief in briefs/ into out/": each one in every format.
  expect(built, 'a set-up command that builds the briefs').toBeDefined();
  const manifest = JSON.parse(readFileSync(join(built!, 'manifest.json'), 'utf8')) as {
    briefs: Array<{ source: string; outputs: Array<{ format: string; path: string }> }>;
  };
  const briefs = readdirSync(join(root, 'briefs')).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md');
  expect(manifest.briefs.map((brief) => brief.source).sort()).toEqual(briefs.map((name) => `briefs/${name}`).sort());
  for (const brief of manifest.briefs) {
    expect(brief.outputs.map((output) => output.format).sort(), brief.source).toEqual(['docx', 'html', 'json', 'md', 'pdf']);
    for (const output of brief.outputs) expect(existsSync(join(built!, output.path)), output.path).toBe(true);
  }
}, 300_000);

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
