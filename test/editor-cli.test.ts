/** The editors' commands as a user runs them: check lints templates, templates list/eject/lint, help. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fixturesDir } from './helpers/fixtures.js';

const minimal = join(fixturesDir, 'minimal', 'input.md');

describe('editor commands', () => {
  it('lists the new commands in the help', () => {
    const help = runCli(['--help']).stdout;
    for (const command of ['templates <action> [name]', 'watch [...paths]', 'serve [...paths]', 'new <id>', 'init [dir]', 'schema'])
      expect(help).toContain(command);
  });

  it('check lints the templates it would render with, with a code frame, and exits 1', () => {
    const result = runCli(['check', minimal, '--templates', join(fixturesDir, 'templates', 'misspelt')], { cwd: fixturesDir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('templates/misspelt/partials/md/file.hbs:2:10  error    Unexpected field `tittle`');
    expect(result.stdout).toContain('    > 2 | ### {{md tittle}}\n        |          ^^^^^^\n');
    expect(result.stdout).toMatch(/\d+ errors, 0 warnings in 1 brief/);
  });

  it('check takes the templates folder from briefsmith.config.json', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bs-config-'));
    writeFileSync(join(cwd, 'briefsmith.config.json'), JSON.stringify({ templates: join(fixturesDir, 'templates', 'misspelt') }));
    const result = runCli(['check', minimal], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('template-unknown-field');
    mkdirSync(join(cwd, 'empty-templates'));
    expect(runCli(['check', minimal, '--templates', join(cwd, 'empty-templates')], { cwd }).status).toBe(0);
    expect(runCli(['check', minimal, '--templates', join(cwd, 'none')], { cwd }).status).toBe(2);
  });

  it('templates eject, list and lint work in a project', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bs-eject-'));
    const eject = runCli(['templates', 'eject', 'reactions'], { cwd });
    expect(eject.status).toBe(0);
    expect(eject.stdout).toBe(
      'wrote templates/partials/html/reactions.hbs\nwrote templates/partials/md/reactions.hbs\nEjected 2 of 2 template files into templates/\n',
    );
    writeFileSync(join(cwd, 'templates', 'partials', 'md', 'reactions.hbs'), '{{#each items}}{{actor}}{{/each}}\n');
    const again = runCli(['templates', 'eject', 'partials/md/reactions'], { cwd });
    expect(again.stderr).toBe('kept templates/partials/md/reactions.hbs (it exists; --force overwrites it)\n');
    expect(readFileSync(join(cwd, 'templates', 'partials', 'md', 'reactions.hbs'), 'utf8')).toContain('{{actor}}');
    expect(runCli(['templates', 'list'], { cwd }).stdout).toMatch(/partials\/md\/reactions\.hbs +templates\/partials\/md\/reactions\.hbs\n/);
    const lint = runCli(['templates', 'lint'], { cwd });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/^templates\/partials\/md\/reactions\.hbs:1:16 {2}error {4}Unexpected unescaped model text `actor`/);
    expect(runCli(['templates', 'eject', 'nonesuch'], { cwd }).status).toBe(2);
    expect(existsSync(join(cwd, 'templates', 'brief.md.hbs'))).toBe(false);
  });
});
