/** Template lint: fields checked against the view schema, escaping, helpers, partials, unused parts. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief, problemsOf } from '../src/index.js';
import { lintTemplates } from '../src/render/lint/lint-templates.js';
import { helpersFor, uncheckedHelpers } from '../src/render/lint/helper-signatures.js';
import { buildView } from '../src/render/view.js';
import { viewSchema } from '../src/render/view-schema.js';
import { roleOf } from '../src/model/schema-definition.js';
import type { TemplateError } from '../src/render/template-error.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const lines = (files: ReturnType<typeof lintTemplates>) =>
  problemsOf(files).map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.ruleId} ${problem.message}`);

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bs-lint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'templates', path)), { recursive: true });
    writeFileSync(join(dir, 'templates', path), text);
  }
  return dir;
}

describe('template lint', () => {
  it('passes the built-in templates with no message at all', () => {
    expect(lines(lintTemplates({ cwd: root }))).toEqual([]);
  });

  it('reports a misspelt field at its exact position, with a suggestion', () => {
    const templates = join(fixturesDir, 'templates', 'misspelt');
    const result = lines(lintTemplates({ cwd: fixturesDir, templates })).filter((line) => line.includes('partials/md/file.hbs'));
    expect(result).toEqual([
      'templates/misspelt/partials/md/file.hbs:2:10 error template-unknown-field Unexpected field `tittle`, expected one of `citations`, `id`, `interests`, `lead`, `outlook`, `state` or `title` (did you mean `title`?)',
      'templates/misspelt/partials/md/file.hbs:7:8 error template-unknown-field Unexpected field `txt`, expected one of `citations`, `party` or `text` (did you mean `text`?)',
    ]);
  });

  it('keeps a code frame of the template on each message', () => {
    const templates = join(fixturesDir, 'templates', 'misspelt');
    const [file] = lintTemplates({ cwd: fixturesDir, templates }).filter((each) => each.path.endsWith('md/file.hbs'));
    const cause = file!.messages[0]!.cause as TemplateError;
    expect(cause.frame).toBe('  1 | {{#with (lookup items 0)}}\n> 2 | ### {{md tittle}}\n    |          ^^^^^^\n  3 |');
  });

  it('reports triple-stashed model text, bad helper calls, unknown helpers, partials and data', () => {
    const templates = join(fixturesDir, 'templates', 'misspelt');
    const result = lines(lintTemplates({ cwd: fixturesDir, templates })).filter((line) => line.includes('cover.hbs'));
    expect(result).toEqual([
      'templates/misspelt/partials/html/cover.hbs:3:6 error template-unescaped Unexpected triple-stash of `meta.summary`, expected `{{…}}` (escaped) or `{{rich …}}`',
      'templates/misspelt/partials/html/cover.hbs:4:6 error template-helper-arguments Unexpected 0 arguments for helper `format-date`, expected 1 argument',
      'templates/misspelt/partials/html/cover.hbs:4:30 error template-helper-arguments Unexpected `meta.authors` (a list) for helper `label`, expected text',
      expect.stringMatching(
        /^templates\/misspelt\/partials\/html\/cover\.hbs:4:47 error template-unknown-helper Unexpected helper `shout`, expected one of `asset`, `css-string`, .*`with`$/,
      ),
      expect.stringMatching(
        /^templates\/misspelt\/partials\/html\/cover\.hbs:5:7 error template-unknown-partial Unexpected partial `banner`, expected one of `badges`, .*$/,
      ),
      'templates/misspelt/partials/html/cover.hbs:6:5 error template-unknown-field Unexpected field `@rooot` in `@rooot.meta`, expected one of `@root`, `@index`, `@key`, `@first` or `@last` (did you mean `root`?)',
    ]);
  });

  it('requires escaping helpers for model text in Markdown templates', () => {
    const cwd = project({
      'brief.md.hbs':
        '# {{meta.title}}\n{{{meta.summary}}}\n{{md (join meta.authors ", ")}} {{join meta.authors}}\n{{#each keyJudgments}}{{number}}. {{label likelihood}} {{id}}{{/each}}\n',
    });
    const result = lines(lintTemplates({ cwd })).filter((line) => line.includes('brief.md.hbs') && line.includes('error'));
    expect(result).toEqual([
      'templates/brief.md.hbs:1:3 error template-unescaped Unexpected unescaped model text `meta.title`, expected `{{md …}}`, `{{md-cell …}}`, `{{rich …}}`, `{{inline …}}` or another escaping helper',
      'templates/brief.md.hbs:2:1 error template-unescaped Unexpected triple-stash of `meta.summary`, expected `{{md …}}`, `{{rich …}}` or another escaping helper',
      'templates/brief.md.hbs:3:33 error template-unescaped Unexpected unescaped model text `join`, expected `{{md …}}`, `{{md-cell …}}`, `{{rich …}}`, `{{inline …}}` or another escaping helper',
      'templates/brief.md.hbs:4:56 error template-unescaped Unexpected unescaped model text `id`, expected `{{md …}}`, `{{md-cell …}}`, `{{rich …}}`, `{{inline …}}` or another escaping helper',
    ]);
  });

  it('takes which view fields are not model text from what the view schema declares', () => {
    // `generator`, `css` and `stylesheets` are strings the view adds: declared viewOnly, so no escaping is asked of them.
    const cwd = project({ 'brief.md.hbs': '{{generator}} {{css}} {{#each stylesheets}}{{this}}{{/each}} {{meta.title}}\n' });
    const result = lines(lintTemplates({ cwd })).filter((line) => line.includes('template-unescaped'));
    expect(result).toEqual([
      'templates/brief.md.hbs:1:62 error template-unescaped Unexpected unescaped model text `meta.title`, expected `{{md …}}`, `{{md-cell …}}`, `{{rich …}}`, `{{inline …}}` or another escaping helper',
    ]);
    for (const field of ['generator', 'css', 'stylesheets', 'sourceNumbers', 'likelihoodScale', 'showContents'])
      expect(roleOf(viewSchema.shape[field]!).viewOnly, field).toBe(true);
    expect(roleOf(viewSchema.shape.meta!).viewOnly).toBeUndefined();
  });

  it('warns about required parts of the model that no template shows', () => {
    const cwd = project({ 'brief.md.hbs': '# {{md meta.title}}\n', 'brief.html.hbs': '<h1>{{meta.title}}</h1>{{#each keyJudgments}}{{statement}}{{/each}}' });
    const warnings = lines(lintTemplates({ cwd })).filter((line) => line.includes('warning'));
    expect(warnings[0]).toBe(
      'templates/brief.html.hbs:1:1 warning template-unused-field Unexpected unused `meta.date`, expected every required part of the model in some template',
    );
    const paths = warnings.map((line) => /`([^`]+)`/.exec(line)![1]);
    expect(paths).toEqual([
      'meta.date',
      'meta.classification',
      'meta.summary',
      'keyJudgments[].id',
      'keyJudgments[].likelihood',
      'keyJudgments[].confidence',
      'files',
      'legalAnalyses',
      'reactions',
      'timeline',
      'disagreements',
      'sources',
      'sections',
    ]);
  });

  it('follows #each, #with, ../, @root, this, block parameters and dynamic partials', () => {
    const cwd = project({
      'brief.html.hbs':
        '{{#each sections as |section index|}}{{section.title}}{{index}}{{#each blocks}}{{../id}}{{@root.meta.title}}{{this.partial}}{{> (lookup this "partial")}}{{/each}}{{/each}}',
      'partials/html/judgments.hbs': '{{#each items}}{{number}}{{statement}}{{../partial}}{{/each}}{{#with (lookup items 0)}}{{confidence}}{{/with}}',
      'partials/html/prose.hbs': '{{rich markdown}}{{items.length}}',
      'partials/html/file.hbs': '{{#with (lookup items 0)}}{{#each interests}}{{party}}{{stance}}{{/each}}{{/with}}',
    });
    const errors = lines(lintTemplates({ cwd })).filter((line) => line.includes(' error '));
    expect(errors).toEqual([
      expect.stringMatching(
        /^templates\/partials\/html\/file\.hbs:1:57 error template-unknown-field Unexpected field `stance`, expected one of `citations`, `party` or `text`$/,
      ),
    ]);
  });

  it('reports a template that does not parse, with its position', () => {
    const cwd = project({ 'brief.md.hbs': '# {{md meta.title}}\n{{md meta.summary}\n' });
    const [problem] = problemsOf(lintTemplates({ cwd }));
    expect(problem).toMatchObject({ file: 'templates/brief.md.hbs', line: 2, ruleId: 'template-error', severity: 'error' });
    expect(problem!.message).toMatch(/^Unexpected template failure: Parse error:/);
  });

  it('reports an unclosed or mismatched block at its tag, in words, once', () => {
    const unclosed = project({ 'brief.md.hbs': '# {{md meta.title}}\n\n{{#each sections}}\n## {{md title}}\n{{#if blocks}}x{{/if}}\n' });
    expect(lines(lintTemplates({ cwd: unclosed }))).toEqual([
      'templates/brief.md.hbs:3:1 error template-error Unexpected template failure: `{{#each sections}}` opened here is never closed, expected `{{/each}}` before the end of the template',
    ]);
    const mismatched = project({ 'brief.md.hbs': '{{#each sections}}\n{{#if blocks}}x{{/each}}\n' });
    expect(lines(lintTemplates({ cwd: mismatched }))).toEqual([
      'templates/brief.md.hbs:2:16 error template-error Unexpected template failure: `{{/each}}` closes `{{#if blocks}}` (opened on line 2), expected `{{/if}}`',
    ]);
  });

  it('documents every root field of the context and every helper in docs/templates.md', () => {
    const docs = readFileSync(join(root, 'docs', 'templates.md'), 'utf8');
    const names = [...Object.keys(viewSchema.shape), ...Object.keys(helpersFor('md')), ...Object.keys(helpersFor('html'))];
    expect(names.filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });

  it('knows a signature for every helper the renderer registers', () => {
    expect(uncheckedHelpers('md')).toEqual([]);
    expect(uncheckedHelpers('html')).toEqual([]);
  });

  it('describes the real template context: views of the fixtures parse with the strict view schema', () => {
    for (const path of [join(fixturesDir, 'full', 'input.md'), join(fixturesDir, 'minimal', 'input.md')]) {
      const { brief } = validateBrief(parseBrief(readFileSync(path, 'utf8'), { path: 'input.md' }));
      const result = viewSchema.safeParse(buildView(brief!, { generator: 'test', css: 'p{}' }));
      expect(result.error?.issues ?? []).toEqual([]);
    }
  });
});
