/**
 * Worker threads change where the work runs, never what comes out: a build on a pool gives the
 * same files, the same messages and the same failures as a build on one thread.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs, problemsOf } from '../src/index.js';
import { fixturesDir } from './helpers/fixtures.js';

/** Valid briefs, one with content errors, one reusing an id, one with a broken partial it alone uses. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bs-threads-'));
  mkdirSync(join(dir, 'briefs'));
  const full = readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8');
  for (let index = 0; index < 6; index++) writeFileSync(join(dir, 'briefs', `b${index}.md`), full.replace(/^id: .*$/m, `id: copy-${index}`));
  writeFileSync(join(dir, 'briefs', 'c-duplicate.md'), full.replace(/^id: .*$/m, 'id: copy-2'));
  cpSync(join(fixturesDir, 'errors', 'missing-field', 'input.md'), join(dir, 'briefs', 'd-errors.md'));
  cpSync(join(fixturesDir, 'minimal', 'input.md'), join(dir, 'briefs', 'e-minimal.md'));
  return dir;
}

function outputs(dir: string): Record<string, string> {
  const out = join(dir, 'out');
  return Object.fromEntries(
    readdirSync(out)
      .filter((name) => /^(copy|minimal).*\.(md|html|json)$/.test(name))
      .sort()
      .map((name) => [name, readFileSync(join(out, name), 'utf8')]),
  );
}

describe('builds on worker threads', () => {
  it('write byte-identical outputs and report the same problems as a build on one thread', async () => {
    const single = project();
    const pooled = project();
    const formats = ['md', 'html', 'json'] as const;
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    const one = await buildBriefs({ cwd: single, formats, threads: 0, env });
    const many = await buildBriefs({ cwd: pooled, formats, threads: 2, env });
    expect(many.written.length).toBe(one.written.length);
    expect(many.written.length).toBe(7 * 3);
    expect(outputs(pooled)).toEqual(outputs(single));
    const problems = problemsOf(many.files);
    expect(problems).toEqual(problemsOf(one.files));
    expect(problems.some((problem) => problem.ruleId === 'duplicate-id' && problem.file === join('briefs', 'c-duplicate.md'))).toBe(true);
    expect(problems.some((problem) => problem.ruleId === 'missing-field')).toBe(true);
    expect(many.briefs.map((loaded) => loaded.file.path)).toEqual(one.briefs.map((loaded) => loaded.file.path));
    expect(many.briefs.filter((loaded) => loaded.brief).map((loaded) => loaded.brief!.meta.id)).toEqual(
      one.briefs.filter((loaded) => loaded.brief).map((loaded) => loaded.brief!.meta.id),
    );
    // The result keeps each brief's model and messages, not the pages it wrote: a build of a
    // thousand briefs would otherwise hold every output until it ends.
    for (const loaded of [...one.briefs, ...many.briefs])
      expect(Object.keys(loaded).sort()).toEqual(['brief', 'file', 'parsed', 'path', 'quotes', 'quotesVerified', 'valid']);
  });

  it('keep no model in the result when asked not to, and say which briefs were valid', async () => {
    const kept = await buildBriefs({ cwd: project(), formats: ['json'], threads: 1 });
    const counted = await buildBriefs({ cwd: project(), formats: ['json'], threads: 1, keepModels: false });
    expect(counted.briefs.map((loaded) => loaded.brief)).toEqual(counted.briefs.map(() => null));
    expect(counted.briefs.map((loaded) => loaded.valid)).toEqual(kept.briefs.map((loaded) => loaded.brief !== null));
    expect(counted.briefs.filter((loaded) => !loaded.valid)).toHaveLength(2);
    expect(counted.written).toHaveLength(kept.written.length);
    // The text stays only where there are problems to show in context.
    expect(counted.briefs.map((loaded) => loaded.file.value !== undefined)).toEqual(counted.briefs.map((loaded) => loaded.file.messages.length > 0));
    expect(problemsOf(counted.files)).toEqual(problemsOf(kept.files));
  });

  it('report a template error from a worker with its file and line, and write nothing for that brief', async () => {
    const dir = project();
    mkdirSync(join(dir, 'templates', 'partials', 'html'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'partials', 'html', 'timeline.hbs'), '<ol>\n{{#each items}}<li>{{nonsense}}</li>{{/each}}\n</ol>\n');
    const result = await buildBriefs({ cwd: dir, formats: ['html'], threads: 2 });
    const problems = problemsOf(result.files).filter((problem) => problem.ruleId === 'template-error');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: join('templates', 'partials', 'html', 'timeline.hbs'), line: 2 });
    // Every copy of the full brief has a timeline and fails: none of them is written.
    expect(result.written.filter((file) => /b\d\.md$/.test(file.brief))).toEqual([]);
    expect(result.failures).toEqual([]);
  });

  it('print and finish PDFs byte-identical to a build on one thread (SOURCE_DATE_EPOCH)', async () => {
    const pdfs = async (threads: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'bs-threads-pdf-'));
      mkdirSync(join(dir, 'briefs'));
      const full = readFileSync(join(fixturesDir, 'full', 'input.md'), 'utf8');
      for (let index = 0; index < 2; index++) writeFileSync(join(dir, 'briefs', `b${index}.md`), full.replace(/^id: .*$/m, `id: copy-${index}`));
      const result = await buildBriefs({ cwd: dir, formats: ['pdf'], threads, env: { SOURCE_DATE_EPOCH: '1767225600' } });
      expect(result.failures).toEqual([]);
      return [0, 1].map((index) => readFileSync(join(dir, 'out', `copy-${index}.pdf`)));
    };
    const [one, many] = [await pdfs(0), await pdfs(2)];
    expect(many[0]!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(many[0]!.equals(one[0]!)).toBe(true);
    expect(many[1]!.equals(one[1]!)).toBe(true);
  });
});
