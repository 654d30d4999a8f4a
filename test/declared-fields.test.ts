/**
 * Project-declared front-matter fields (`fields` in briefsmith.config.json): the fixture
 * test/fixtures/fields is a project with a config, a brief and a cover override that prints
 * `meta.fields.reference` and a logo. Its goldens are expected.{json,md,html}; its error
 * fixtures are errors/<case>/input.md → expected.txt, read with the fixture's declarations.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildBriefs, loadBriefs, lintTemplates, parseBrief, problemsOf, renderBrief, validateBrief, ConfigError, Printer } from '../src/index.js';
import { loadConfig } from '../src/config/config.js';
import { projectConfig } from '../src/cli/project-config.js';
import { modelJsonSchema } from '../src/reference/json-schema.js';
import { watchBriefs } from '../src/watch/watch.js';
import { buildFingerprint } from '../src/publish/fingerprint.js';
import { newBrief } from '../src/scaffold/new-brief.js';
import { casesIn, expectGolden, fixturesDir } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

const project = join(fixturesDir, 'fields');
const templates = join(project, 'templates');
const briefPath = join(project, 'briefs', 'licence-quota.md');
const briefText = readFileSync(briefPath, 'utf8');
const { fields } = await loadConfig(project);
const withoutStyle = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '<style>/* print.css + fonts */</style>');

function check(text: string, declared = fields) {
  return validateBrief(parseBrief(text, { path: 'input.md', fields: declared }));
}

/** A copy of the fixture project with its config replaced by `config`. */
function projectWith(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'bs-fields-'));
  cpSync(project, dir, { recursive: true, filter: (path) => !path.includes(`${join(project, 'errors')}`) });
  writeFileSync(join(dir, 'briefsmith.config.json'), JSON.stringify(config));
  return dir;
}

describe('the declared fields of the fixture project', () => {
  it('are read from the config with their defaults', () => {
    expect(Object.keys(fields)).toEqual(['reference', 'handling', 'review', 'distribution', 'desk']);
    expect(fields.reference).toEqual({ type: 'text', required: true, description: "The unit's file reference, printed on the cover" });
    expect(fields.review?.required).toBe(false);
  });

  it('are in the model as meta.fields, in declared order; an optional one left out is null', () => {
    const { brief, file } = check(briefText);
    expect(file.messages.map(String)).toEqual([]);
    expect(brief!.meta.fields).toEqual({
      reference: 'TPAU/2026/114',
      handling: 'priority',
      review: '2026-06-30',
      distribution: ['Private office', 'Legal adviser, trade agreements'],
      desk: null,
    });
  });

  it('take a bare year as a date; an empty value counts as left out, a number as text is refused', () => {
    expect(check(briefText.replace('review: 2026-06-30', 'review: 2027')).brief!.meta.fields.review).toBe('2027');
    const empty = check(briefText.replace('reference: TPAU/2026/114', 'reference:'));
    expect(problemsOf([empty.file]).map((problem) => `${problem.line}:${problem.column} ${problem.ruleId}`)).toEqual(['10:11 missing-field']);
    const number = check(briefText.replace('reference: TPAU/2026/114', 'reference: 0114'));
    expect(problemsOf([number.file]).map((problem) => problem.message)).toEqual([
      'Unexpected `114` for `reference`, expected text, found a number (put it in quotes to keep it as written)',
    ]);
  });

  for (const format of ['json', 'md', 'html'] as const) {
    it(`render ${format} through the project's templates`, async () => {
      const [loaded] = await loadBriefs({ paths: [briefPath], cwd: project, fields });
      const output = await renderBrief(loaded!.brief!, format, { templates, generator: 'briefsmith test' });
      expectGolden(format === 'html' ? withoutStyle(output) : output, join(project, `expected.${format}`));
    });
  }

  it('are printed by the cover override only: the built-in templates show none of them', async () => {
    const { brief } = check(briefText);
    const html = await renderBrief(brief!, 'html', { templates });
    expect(html).toContain('<span class="reference">TPAU/2026/114</span>');
    expect(html).toContain('<dd>Private office, Legal adviser, trade agreements</dd>');
    expect(html).not.toContain('Desk officer');
    for (const format of ['html', 'md'] as const) expect(await renderBrief(brief!, format)).not.toContain('TPAU/2026/114');
    // The Word output has no templates to ask for them: its cover shows the built-in fields only.
    const word = unzipSync(await renderBrief(brief!, 'docx', { templates }));
    expect(strFromU8(word['word/document.xml']!)).toContain('Minister for Trade');
    expect(strFromU8(word['word/document.xml']!)).not.toContain('TPAU/2026/114');
  });

  it('are known to the template lint; an undeclared `meta.fields.x` is an unknown field, with did-you-mean', () => {
    expect(lintTemplates({ templates, cwd: project, fields })).toEqual([]);
    const none = problemsOf(lintTemplates({ templates, cwd: project }));
    expect(none.every((problem) => problem.file === 'templates/partials/html/cover.hbs' && problem.ruleId === 'template-unknown-field')).toBe(true);
    expect(none[0]).toMatchObject({
      line: 5,
      column: 72,
      message:
        'Unexpected field `reference` in `meta.fields.reference`, expected one of nothing (`meta.fields` holds the fields `fields` in briefsmith.config.json declares)',
    });
    const renamed = Object.fromEntries(Object.entries(fields).map(([name, declaration]) => [name === 'reference' ? 'referance' : name, declaration]));
    const misspelt = problemsOf(lintTemplates({ templates, cwd: project, fields: renamed }));
    expect(misspelt.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      expect.stringMatching(/^5:72 Unexpected field `reference` in `meta\.fields\.reference`, expected one of .*\(did you mean `referance`\?\)$/),
      expect.stringMatching(/^9:48 .*\(did you mean `referance`\?\)$/),
    ]);
  });

  it('are in the JSON Schema `briefsmith schema` prints for the project', () => {
    const schema = modelJsonSchema(fields) as { properties: { meta: { properties: { fields: { properties: object; required: string[] } } } } };
    const declared = schema.properties.meta.properties.fields;
    expect(Object.keys(declared.properties)).toEqual(Object.keys(fields));
    expect(declared.required).toEqual(Object.keys(fields));
  });

  it('get a placeholder in `briefsmith new`, and the new brief has only fill-me warnings', () => {
    const { file } = check(newBrief({ id: 'new-one', date: '2026-03-20', fields }));
    expect(file.messages.filter((message) => message.fatal)).toEqual([]);
  });
});

describe('a field that is not declared', () => {
  it('stays an unknown-field warning, with the declared names in the did-you-mean list', () => {
    const { brief, file } = check(briefText.replace('review: 2026-06-30', 'reveiw: 2026-06-30'));
    expect(brief).not.toBeNull();
    expect(problemsOf([file]).map((problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.message}`)).toEqual([
      expect.stringMatching(/^12:1 warning Unexpected field `reveiw`, expected one of .*`reference`, `handling`, `review`.* \(did you mean `review`\?\)$/),
    ]);
  });

  it('is a warning when the project declares none, and the model has no fields', () => {
    const { brief, file } = check(briefText, {});
    expect(brief!.meta.fields).toEqual({});
    expect(problemsOf([file]).map((problem) => problem.ruleId)).toEqual(['unknown-field', 'unknown-field', 'unknown-field', 'unknown-field']);
  });
});

const errorsDir = join(project, 'errors');
describe.each(casesIn(errorsDir))('declared-field error fixture %s', (name) => {
  it('reports exactly the expected problems', () => {
    const { file } = check(readFileSync(join(errorsDir, name, 'input.md'), 'utf8'));
    const lines = problemsOf([file]).map(
      (problem) =>
        `${problem.line}:${problem.column} ${problem.severity} ${problem.ruleId} ${problem.message}${problem.hint ? `\n    help: ${problem.hint}` : ''}`,
    );
    expectGolden(`${lines.join('\n')}\n`, join(errorsDir, name, 'expected.txt'));
  });
});

describe('a bad declaration', () => {
  it.each([
    [{ fields: { reference: { type: 'string' } } }, /`fields\.reference\.type`: expected a type: `text`, `date`, `list`, `choice`/],
    [{ fields: { handling: { type: 'choice' } } }, /`fields\.handling\.values`: expected the `values` a `choice` field allows/],
    [{ fields: { handling: { type: 'choice', values: ['a', 'a'] } } }, /`fields\.handling\.values`: expected each value once/],
    [{ fields: { review: { type: 'date', values: ['a'] } } }, /`fields\.review\.values`: expected no `values` on a `date` field/],
    [{ fields: { reference: { type: 'text', requried: true } } }, /`fields\.reference`: Unrecognized key: "requried"/],
    [{ fields: { reference: { type: 'text', required: 'yes' } } }, /`fields\.reference\.required`: expected true or false/],
    [{ fields: { 'review-date': { type: 'date' } } }, /`fields\.review-date`: expected a field name of letters, digits and `_`/],
    [{ fields: { audience: { type: 'list' } } }, /`fields\.audience`: expected a name that is not a built-in front-matter field/],
    [{ fields: { constructor: { type: 'text' } } }, /`fields\.constructor`: expected a name other than `constructor` or `prototype`/],
  ])('%j is a usage error naming the config file and key', async (config, reason) => {
    const dir = projectWith(config);
    const error = await projectConfig(dir).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as ConfigError).message).toContain(join(dir, 'briefsmith.config.json'));
    expect((error as ConfigError).message).toMatch(reason);
  });

  it('stops `check` with exit 2 before any brief is read', () => {
    const dir = projectWith({ fields: { handling: { type: 'choice' } } });
    const result = runCli(['check'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'briefsmith.config.json')}: \`fields.handling.values\``);
    expect(result.stdout).toBe('');
  });
});

describe('the CLI in the fixture project', () => {
  it('checks the brief against the declarations (exit 0) and reports a misspelt choice (exit 1)', () => {
    expect(runCli(['check'], { cwd: project })).toMatchObject({ status: 0 });
    const dir = projectWith(JSON.parse(readFileSync(join(project, 'briefsmith.config.json'), 'utf8')));
    writeFileSync(join(dir, 'briefs', 'licence-quota.md'), briefText.replace('handling: priority', 'handling: priorty'));
    const result = runCli(['check'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('briefs/licence-quota.md:11:11');
    expect(result.stdout).toContain('Unexpected `priorty` for `handling`, expected `routine`, `priority` or `immediate` (did you mean `priority`?)');
  });
});

describe('a build with declared fields', () => {
  const config = JSON.parse(readFileSync(join(project, 'briefsmith.config.json'), 'utf8')) as { fields: Record<string, Record<string, unknown>> };
  const build = (dir: string, declared: typeof fields, threads = 0) =>
    buildBriefs({ cwd: dir, outDir: join(dir, 'out'), formats: ['json', 'md'], templates: join(dir, 'templates'), fields: declared, threads });

  it('rebuilds when a declaration changes, and not otherwise', async () => {
    const dir = projectWith(config);
    const first = await build(dir, fields);
    expect(first.written.length).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'licence-quota.json'), 'utf8')).meta.fields.reference).toBe('TPAU/2026/114');
    expect((await build(dir, fields)).unchanged).toEqual(['briefs/licence-quota.md']);
    // A field made required that the brief does not give: the brief must be checked again, and now fails.
    const stricter = { ...fields, desk: { ...fields.desk!, required: true } };
    const second = await build(dir, stricter);
    expect(second.unchanged).toEqual([]);
    expect(problemsOf(second.files).map((problem) => `${problem.ruleId} ${problem.message}`)).toEqual([
      'missing-field Unexpected missing `desk`, expected a front matter field `desk:`',
    ]);
    // A new optional field: the brief is valid again, and its JSON has the field as null.
    const wider = { ...fields, team: { type: 'text' as const, required: false } };
    await build(dir, wider);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'licence-quota.json'), 'utf8')).meta.fields.team).toBeNull();
  });

  it('keep their models in the model cache: a template edit re-renders without parsing the brief again', async () => {
    const dir = projectWith(config);
    await build(dir, fields);
    const cover = join(dir, 'templates', 'partials', 'html', 'cover.hbs');
    writeFileSync(cover, readFileSync(cover, 'utf8').replace('Copies to', 'Copies'));
    const again = await buildBriefs({ cwd: dir, outDir: join(dir, 'out'), formats: ['html'], templates: join(dir, 'templates'), fields });
    expect(again.written.length).toBe(1);
    expect(again.parsed).toEqual([]);
  });

  it('are part of the shard fingerprint: shards built with other declarations do not merge', () => {
    const base = { cwd: project, formats: ['json'] as const };
    expect(buildFingerprint({ ...base, fields })).not.toBe(buildFingerprint(base));
    expect(buildFingerprint({ ...base, fields: {} })).toBe(buildFingerprint(base));
  });

  it('checks the fields the same way in a worker thread', async () => {
    const dir = projectWith(config);
    writeFileSync(join(dir, 'briefs', 'licence-quota.md'), briefText.replace('handling: priority', 'handling: priorty'));
    const threaded = await build(dir, fields, 1);
    expect(problemsOf(threaded.files).map((problem) => `${problem.line}:${problem.column} ${problem.ruleId}`)).toEqual(['11:11 invalid-value']);
  });
});

describe('a watch in the fixture project', () => {
  it('checks the briefs again against the declarations saved in the config', async () => {
    const config = JSON.parse(readFileSync(join(project, 'briefsmith.config.json'), 'utf8')) as { fields: Record<string, Record<string, unknown>> };
    const dir = projectWith(config);
    const watch = watchBriefs({ cwd: dir, formats: ['json'], templates: join(dir, 'templates'), fields, debounceMs: 10 });
    try {
      await watch.ready;
      expect(watch.briefs().map((status) => status.ok)).toEqual([true]);
      config.fields.desk!.required = true;
      writeFileSync(join(dir, 'briefsmith.config.json'), JSON.stringify(config));
      const deadline = Date.now() + 10_000;
      while (watch.briefs()[0]?.ok !== false && Date.now() < deadline) {
        await watch.idle();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const status = watch.briefs()[0]!;
      expect(status.ok).toBe(false);
      expect(problemsOf(status.files).map((problem) => problem.message)).toEqual(['Unexpected missing `desk`, expected a front matter field `desk:`']);
    } finally {
      await watch.close();
    }
  });
});

describe('the PDF of the fixture brief', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await Printer.launch({ concurrency: 1 });
  });
  afterAll(async () => {
    await printer?.close();
  });

  it('has the reference in the cover text and the logo as an image on the cover page', async () => {
    const { brief } = check(briefText);
    const bytes = await renderBrief(brief!, 'pdf', { printer, templates });
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    const cover = (await (await pdf.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(cover).toContain('TPAU/2026/114');
    expect(cover).toContain('Legal adviser, trade agreements');
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const xObjects = document.getPages()[0]!.node.Resources()?.lookup(PDFName.of('XObject'));
    const images =
      xObjects instanceof PDFDict
        ? xObjects.entries().filter(([, reference]) => {
            const object = document.context.lookup(reference);
            return object && 'dict' in object && (object.dict as PDFDict).get(PDFName.of('Subtype')) === PDFName.of('Image');
          })
        : [];
    expect(images.length).toBeGreaterThan(0);
  });
});
