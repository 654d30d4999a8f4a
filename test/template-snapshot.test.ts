/**
 * A build looks its template files up once (`templateSnapshot`, its id), not once per brief: its
 * briefs render with the files its first brief found, while the usage each render records (what
 * the build cache keys outputs on) stays that of the text really used.
 */
import { cpSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { builtinTemplatesDir } from '../src/render/template-files.js';
import { loadStylesheet, loadTemplates } from '../src/render/templates.js';
import { templateTextHash, trackTemplateUsage } from '../src/render/template-usage.js';

function projectTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bs-snapshot-'));
  cpSync(join(builtinTemplatesDir, 'brief.md.hbs'), join(dir, 'brief.md.hbs'));
  return dir;
}

function save(path: string, text: string, seconds: number): void {
  writeFileSync(path, text);
  utimesSync(path, seconds, seconds);
}

it('renders every brief of a snapshot with the templates its first lookup found, and a new snapshot with the files as they are', async () => {
  const dir = projectTemplates();
  const dirs = [dir, builtinTemplatesDir];
  save(join(dir, 'brief.md.hbs'), 'first\n', 1_700_000_000);
  expect(loadTemplates(dirs, 'md', 'brief', 'build-1').render({})).toBe('first\n');
  save(join(dir, 'brief.md.hbs'), 'second\n', 1_700_000_100);
  const again = await trackTemplateUsage(() => loadTemplates(dirs, 'md', 'brief', 'build-1').render({}));
  expect(again.result).toBe('first\n');
  expect(again.used.get('brief.md.hbs')).toBe(templateTextHash('first\n'));
  expect(loadTemplates(dirs, 'md', 'brief', 'build-2').render({})).toBe('second\n');
  expect(loadTemplates(dirs, 'md').render({})).toBe('second\n');
});

it('looks a stylesheet up once a snapshot, and records its use on every render', async () => {
  const dir = projectTemplates();
  const dirs = [dir, builtinTemplatesDir];
  save(join(dir, 'print.css'), 'p { color: red }', 1_700_000_000);
  expect(loadStylesheet(dirs, 'print.css', 'build-3')).toBe('p { color: red }');
  save(join(dir, 'print.css'), 'p { color: blue }', 1_700_000_100);
  for (let render = 0; render < 2; render++) {
    const { result, used } = await trackTemplateUsage(() => loadStylesheet(dirs, 'print.css', 'build-3'));
    expect(result).toBe('p { color: red }');
    expect(used.get('print.css')).toBe(templateTextHash('p { color: red }'));
  }
  expect(loadStylesheet(dirs, 'print.css', 'build-4')).toBe('p { color: blue }');
});
