/** Template overrides (user > project > built-in), the config file, eject, and located template errors. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrief, renderBrief, templateDirs, validateBrief } from '../src/index.js';
import { builtinTemplatesDir, projectTemplatesDir } from '../src/render/template-files.js';
import { ejectTemplates, matchTemplates } from '../src/render/eject.js';
import { ConfigError, loadConfig, templatesOption } from '../src/config/config.js';
import { TemplateError } from '../src/render/template-error.js';
import { runCli } from './helpers/cli.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const full = validateBrief(parseBrief(readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8'), { path: 'input.md' })).brief!;

function write(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const temp = () => mkdtempSync(join(tmpdir(), 'bs-templates-'));

describe('template resolution', () => {
  it('takes each file from the user folder, else the project templates/, else the built-ins', async () => {
    const project = write(temp(), {
      'templates/partials/md/timeline.hbs': 'PROJECT TIMELINE\n',
      'templates/partials/md/reactions.hbs': 'PROJECT REACTIONS\n',
    });
    const user = write(temp(), { 'partials/md/reactions.hbs': 'USER REACTIONS\n' });
    expect(templateDirs({ templates: user, cwd: project })).toEqual([user, join(project, 'templates'), builtinTemplatesDir]);
    const markdown = await renderBrief(full, 'md', { templates: user, cwd: project });
    expect(markdown).toContain('USER REACTIONS');
    expect(markdown).not.toContain('PROJECT REACTIONS');
    expect(markdown).toContain('PROJECT TIMELINE');
    expect(markdown).toContain('## Sources'); // the built-in sources partial
    const builtIn = await renderBrief(full, 'md', { cwd: temp() });
    expect(builtIn).not.toContain('TIMELINE');
  });

  it('renders each layout through its own main template and stylesheet, resolved like any other file', async () => {
    const note = validateBrief(parseBrief(readFileSync(join(fixturesDir, 'note', 'input.md'), 'utf8'), { path: 'input.md' })).brief!;
    const project = write(temp(), {
      'templates/note.md.hbs': 'PROJECT NOTE {{md meta.title}}\n',
      'templates/note.css': '.project-note-rule { color: red; }\n',
    });
    expect(await renderBrief(note, 'md', { cwd: project })).toBe("PROJECT NOTE Kestria's export licences\n");
    const html = await renderBrief(note, 'html', { cwd: project });
    expect(html).toContain('.project-note-rule');
    expect(html).toContain('<header class="note-header">');
    expect(html).not.toContain('class="cover"');
    // The full brief does not read the note's files.
    const brief = await renderBrief(full, 'html', { cwd: project });
    expect(brief).not.toContain('.project-note-rule');
    expect(brief).toContain('<header class="cover">');
  });

  it("keeps the built-ins out of every project's templates/ folder, briefsmith's own checkout included", () => {
    expect(builtinTemplatesDir).toBe(join(root, 'defaults', 'templates'));
    expect(builtinTemplatesDir).not.toBe(projectTemplatesDir(root));
    // In the checkout, templates/ is an override folder like any project's: nothing overrides yet.
    const list = runCli(['templates', 'list'], { cwd: root });
    expect(list.stdout.split('\n')[0]).toBe('Resolution order: defaults/templates');
    expect(list.stdout).toMatch(/^partials\/html\/cover\.hbs +\(built-in\)$/m);
  });

  it('reads `templates` from the nearest briefsmith.config.json; a flag overrides it', async () => {
    const project = write(temp(), { 'briefsmith.config.json': '{ "templates": "look" }', 'sub/dir/.keep': '', 'look/.keep': '', 'mine/.keep': '' });
    expect(await loadConfig(join(project, 'sub', 'dir'))).toEqual({
      path: join(project, 'briefsmith.config.json'),
      templates: join(project, 'look'),
      fields: {},
      limits: {},
    });
    expect(await templatesOption(undefined, join(project, 'sub'))).toBe(join(project, 'look'));
    expect(await templatesOption('mine', project)).toBe(join(project, 'mine'));
    // A folder that is not there is an error, not a silent fall-back to the defaults.
    await expect(templatesOption('nope', project)).rejects.toThrow(/--templates nope: no such templates folder/);
    write(project, { 'briefsmith.config.json': '{ "templates": "house-style" }' });
    await expect(templatesOption(undefined, project)).rejects.toThrow(ConfigError);
    write(project, { 'briefsmith.config.json': '{ "template": "look" }' });
    await expect(loadConfig(project)).rejects.toThrow(ConfigError);
    await expect(loadConfig(project)).rejects.toThrow(/Unrecognized key.*template/);
  });
});

describe('partials', () => {
  it("leave a code block's lines as written: a partial's output is not re-indented, in HTML as in Markdown", async () => {
    const source = readFileSync(join(fixturesDir, 'minimal', 'input.md'), 'utf8').replace(
      'They have met twice already. [@beta, p. 3]',
      'They have met twice already. [@beta, p. 3]\n\n```\nline one\n  line two\nline three\n```',
    );
    const brief = validateBrief(parseBrief(source, { path: 'input.md' })).brief!;
    // The judgment is rendered by a partial called on an indented line of its parent template.
    expect(await renderBrief(brief, 'html')).toContain('<pre><code>line one\n  line two\nline three\n</code></pre>');
    expect(await renderBrief(brief, 'md')).toContain('```\nline one\n  line two\nline three\n```');
  });
});

describe('templates eject', () => {
  it('matches a partial by name in both formats, a path, or everything', () => {
    expect(matchTemplates('reactions')).toEqual(['partials/html/reactions.hbs', 'partials/md/reactions.hbs']);
    expect(matchTemplates('partials/md/reactions')).toEqual(['partials/md/reactions.hbs']);
    expect(matchTemplates('print.css')).toEqual(['print.css']);
    expect(matchTemplates()).toContain('brief.md.hbs');
    expect(matchTemplates('nonesuch')).toEqual([]);
  });

  it('matches a layout by name: its main templates, its stylesheet and its own partials', () => {
    expect(matchTemplates('note')).toEqual(['note.css', 'note.html.hbs', 'note.md.hbs', 'partials/html/note-header.hbs']);
    expect(matchTemplates('brief')).toEqual(['brief.docx', 'brief.html.hbs', 'brief.md.hbs']);
  });

  it('copies the built-in files and never overwrites without force', () => {
    const target = join(temp(), 'templates');
    const first = ejectTemplates(['partials/md/reactions.hbs'], target);
    expect(first.written).toEqual([join(target, 'partials/md/reactions.hbs')]);
    expect(readFileSync(first.written[0]!, 'utf8')).toBe(readFileSync(join(builtinTemplatesDir, 'partials/md/reactions.hbs'), 'utf8'));
    writeFileSync(first.written[0]!, 'EDITED');
    expect(ejectTemplates(['partials/md/reactions.hbs'], target)).toEqual({ written: [], kept: [first.written[0]] });
    expect(readFileSync(first.written[0]!, 'utf8')).toBe('EDITED');
    ejectTemplates(['partials/md/reactions.hbs'], target, true);
    expect(readFileSync(first.written[0]!, 'utf8')).not.toBe('EDITED');
    expect(existsSync(join(target, 'brief.md.hbs'))).toBe(false);
  });
});

describe('template errors', () => {
  it('name the template, line and column of a missing field, with a code frame', async () => {
    const user = write(temp(), { 'partials/html/sources.hbs': '<ol>\n{{#each sources}}\n<li>{{titel}}</li>\n{{/each}}\n</ol>\n' });
    const error = await renderBrief(full, 'html', { templates: user, cwd: temp() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemplateError);
    const problem = error as TemplateError;
    expect(problem.template).toBe(join(user, 'partials/html/sources.hbs'));
    expect([problem.line, problem.column]).toEqual([3, 7]);
    expect(problem.reason).toMatch(/"titel" not defined/);
    expect(problem.frame).toContain('> 3 | <li>{{titel}}</li>');
    expect(problem.message).toContain(problem.frame);
  });

  it('say which helper got the wrong arguments, and where', async () => {
    const user = write(temp(), { 'partials/html/sources.hbs': '<ol>\n{{#each sources}}\n  <li>{{format-date outlet}}</li>\n{{/each}}</ol>\n' });
    const error = await renderBrief(full, 'html', { templates: user, cwd: temp() }).catch((caught: unknown) => caught);
    const problem = error as TemplateError;
    expect(problem.template).toBe(join(user, 'partials/html/sources.hbs'));
    expect(problem.reason).toMatch(/^Helper `format-date` expected an ISO date string, received "/);
    expect([problem.line, problem.column]).toEqual([3, 7]);
    expect(problem.frame).toMatch(/> 3 \| {3}<li>\{\{format-date outlet\}\}<\/li>\n {4}\| {7}\^/);
  });
});
