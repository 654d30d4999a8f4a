/**
 * The medium cases of the attack review: a long id, deep YAML nesting, symlinks in the templates
 * folder (read and eject). Raw HTML in the summary is in bounded.test.ts, `--chrome /tmp` in
 * chromium-ends.test.ts, bad percent-encoding in serve.test.ts, a full disk in disk-full.test.ts.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, minimalBrief } from '../helpers/project.js';
import { briefText, check } from './brief.js';

describe('medium cases', () => {
  it('refuses a 300-character id at validation, before any file is named after it', () => {
    const { problems, brief } = check(briefText({ id: 'a'.repeat(300) }));
    expect(brief).toBeNull();
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.ruleId} ${problem.message}`)).toEqual([
      `2:5 invalid-value Unexpected \`${'a'.repeat(57)}…\` for \`id\`, expected an id of at most 100 characters`,
    ]);
  });

  it.each([
    ['flow', `deep: ${'['.repeat(150)}${']'.repeat(150)}`],
    ['block', `deep:\n${Array.from({ length: 120 }, (_, level) => `${'  '.repeat(level + 1)}k:`).join('\n')}`],
  ])('reports deep YAML nesting (%s) as YAML nesting, not as Markdown markers', (_name, front) => {
    const text = briefText({ front });
    const { problems } = check(text);
    expect(problems.map((problem) => problem.message)).toEqual(['Unexpected nesting depth of the YAML front matter (101), expected at most 100']);
  });

  it('refuses a template that is a symlink out of the templates folder, exit 2 with one line', () => {
    const outer = makeProject({ 'secret.hbs': 'SECRET {{meta.title}}\n' });
    const cwd = join(outer, 'project');
    mkdirSync(join(cwd, 'templates'), { recursive: true });
    mkdirSync(join(cwd, 'briefs'));
    writeFileSync(join(cwd, 'briefs/a.md'), minimalBrief);
    symlinkSync(join(outer, 'secret.hbs'), join(cwd, 'templates/brief.md.hbs'));
    const cli = runCli(['build', '--format', 'md'], { cwd });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain(`${join(cwd, 'templates/brief.md.hbs')} leads outside its templates folder through a symlink`);
    expect(cli.stdout).not.toContain('wrote');
  });

  it('never writes through a symlink when ejecting with --force', () => {
    const outer = makeProject({ 'victim.txt': 'keep me\n' });
    const cwd = join(outer, 'project');
    mkdirSync(join(cwd, 'templates'), { recursive: true });
    symlinkSync(join(outer, 'victim.txt'), join(cwd, 'templates/brief.md.hbs'));
    const cli = runCli(['templates', 'eject', 'brief.md.hbs', '--force'], { cwd });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('leads outside its templates folder through a symlink');
    expect(readFileSync(join(outer, 'victim.txt'), 'utf8')).toBe('keep me\n');
  });
});
