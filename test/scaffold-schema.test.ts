/** `briefsmith new` passes check with only fill-me warnings; `briefsmith schema` validates real JSON; docs/model.md is current. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseBrief, renderBrief, validateBrief } from '../src/index.js';
import { modelReference } from '../src/reference/model-reference.js';
import { runCli } from './helpers/cli.js';
import { fixturesDir, root } from './helpers/fixtures.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

describe('briefsmith new', () => {
  it('writes a skeleton with every part that passes check with only fill-me warnings', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bs-new-'));
    const created = runCli(['new', 'my-brief', '--title', 'My brief', '--date', '2025-11-01'], { cwd });
    expect(created.status).toBe(0);
    const text = readFileSync(join(cwd, 'briefs', 'my-brief.md'), 'utf8');
    for (const directive of [
      ':::judgment',
      '::::file',
      ':::interest',
      ':::state',
      ':::outlook',
      ':::::legal',
      '::::request',
      '::::instrument',
      '::::ground',
      '::::obligation',
      '::::position',
      '::::assessment',
      ':::reaction',
      '::event',
      ':::disagreement',
      ':q[',
    ]) {
      expect(text).toContain(directive);
    }
    const check = runCli(['check', 'briefs'], { cwd });
    expect(check.status).toBe(0);
    const problems = check.stdout.split('\n').filter((line) => line.startsWith('briefs/'));
    expect(problems.length).toBeGreaterThan(10);
    expect(problems.filter((line) => !line.endsWith('  warning  Unexpected placeholder `TODO`, expected real content  fill-me'))).toEqual([]);
    const { brief } = validateBrief(parseBrief(text, { path: 'my-brief.md' }));
    expect(brief?.meta).toMatchObject({ id: 'my-brief', title: 'My brief', date: '2025-11-01' });
    expect([brief?.keyJudgments.length, brief?.files.length, brief?.reactions.length, brief?.timeline.length, brief?.disagreements.length]).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(brief?.legalAnalyses[0]?.instruments).toHaveLength(1);
    expect(brief?.legalAnalyses[0]?.grounds[0]?.side).toBe('against');
  });

  it('refuses a bad id and never overwrites without --force', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bs-new-'));
    expect(runCli(['new', 'Bad Id'], { cwd }).status).toBe(2);
    expect(runCli(['new', 'fine'], { cwd }).status).toBe(0);
    const again = runCli(['new', 'fine'], { cwd });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);
  });
});

describe('briefsmith schema', () => {
  const result = runCli(['schema']);
  const schema = JSON.parse(result.stdout) as Record<string, unknown>;
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  const validate = ajv.compile(schema);

  it('prints a JSON Schema that out/<id>.json of the sample and the fixtures validate against', async () => {
    expect(result.status).toBe(0);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const sample = validateBrief(parseBrief(readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8'), { path: 'sample.md' })).brief!;
    for (const json of [await renderBrief(sample, 'json'), readFileSync(join(fixturesDir, 'full', 'expected.json'), 'utf8')]) {
      const valid = validate(JSON.parse(json));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('rejects JSON that breaks the model', () => {
    const json = JSON.parse(readFileSync(join(fixturesDir, 'full', 'expected.json'), 'utf8')) as {
      keyJudgments: Array<Record<string, unknown>>;
      meta: Record<string, unknown>;
    };
    json.keyJudgments[0]!.likelihood = 'probably';
    delete json.meta.title;
    expect(validate(json)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath).sort()).toEqual(['/keyJudgments/0/likelihood', '/meta']);
  });
});

describe('docs/model.md', () => {
  it('is generated from the current schema (run `npm run docs:model` when this fails)', () => {
    expect(readFileSync(join(root, 'docs', 'model.md'), 'utf8')).toBe(modelReference());
  });
});
