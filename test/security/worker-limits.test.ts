/**
 * Every brief is parsed, checked and rendered on a worker thread under a time and a memory limit:
 * a brief that makes the work spin or grow without end fails alone, with one `resource-limit`
 * error at its first line, and the other briefs are built. The hostile brief is stood in for by
 * a worker hook (test/fixtures/worker-hooks/hostile.mjs) given through an explicit option, and
 * the limits are set low so that they fire soon; nothing is timed: the limit firing is the test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs, checkBriefs, problemsOf } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { briefText } from './brief.js';

const workerHook = new URL('../fixtures/worker-hooks/hostile.mjs', import.meta.url).href;

/** A project with a hostile brief (by its name, for the hook) and a good one after it. */
function project(hostile: string) {
  return makeProject({ [`briefs/a-${hostile}.md`]: briefText({ id: 'hostile' }), 'briefs/b-good.md': briefText({ id: 'good' }) });
}

const errorsOf = (files: Parameters<typeof problemsOf>[0]) =>
  problemsOf(files)
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.ruleId} ${problem.message}`);

describe('a brief that spins or grows without end', () => {
  it('fails alone at the time limit; the other brief is written, the hostile one keeps its old outputs', async () => {
    const cwd = project('spin');
    await buildBriefs({ cwd, formats: ['md', 'json'] });
    const before = readFileSync(join(cwd, 'out/hostile.md'));
    const result = await buildBriefs({ cwd, formats: ['md', 'json'], force: true, workerHook, workerLimits: { maxSeconds: 5 } });
    expect(errorsOf(result.files)).toEqual([
      `${join('briefs', 'a-spin.md')}:1:1 resource-limit Unexpected time: parsing and checking this brief took longer than 5 s, expected at most 5 s`,
    ]);
    expect(result.written.map((file) => file.path.slice(cwd.length + 1)).sort()).toEqual([join('out', 'good.json'), join('out', 'good.md')]);
    expect(result.failures).toEqual([]);
    expect(readFileSync(join(cwd, 'out/hostile.md'))).toEqual(before);
    // The lock is released and no temp file is left behind.
    expect(readdirSync(join(cwd, 'out')).filter((name) => name.startsWith('.') && name !== '.cache')).toEqual([]);
  });

  it('fails alone at the memory limit, whatever the shape of the allocation, not as a crash of the build', async () => {
    const cwd = makeProject({
      'briefs/a-grow.md': briefText({ id: 'grow' }),
      'briefs/b-huge.md': briefText({ id: 'huge' }),
      'briefs/c-good.md': briefText({ id: 'good' }),
    });
    const result = await buildBriefs({ cwd, formats: ['md'], workerHook, workerLimits: { maxMemoryMb: 96 } });
    const overMemory = 'resource-limit Unexpected memory: parsing and checking this brief needed more memory than 96 MB, expected at most 96 MB';
    expect(errorsOf(result.files)).toEqual([`${join('briefs', 'a-grow.md')}:1:1 ${overMemory}`, `${join('briefs', 'b-huge.md')}:1:1 ${overMemory}`]);
    expect(result.written.map((file) => file.brief)).toEqual([join('briefs', 'c-good.md')]);
    expect(existsSync(join(cwd, 'out/grow.md')) || existsSync(join(cwd, 'out/huge.md'))).toBe(false);
  });

  it('is reported the same way by check, which goes on with the other briefs', async () => {
    const cwd = project('spin');
    const briefs = await checkBriefs({ cwd, workerHook, workerLimits: { maxSeconds: 5 } });
    expect(errorsOf(briefs.map((loaded) => loaded.file))).toEqual([
      `${join('briefs', 'a-spin.md')}:1:1 resource-limit Unexpected time: parsing and checking this brief took longer than 5 s, expected at most 5 s`,
    ]);
    expect(briefs.map((loaded) => loaded.brief?.meta.id ?? null)).toEqual([null, 'good']);
  });
});

describe('the limits from the command line and the config', () => {
  it('build and check exit 1 with the rule, its hint and the flag when a brief goes over --max-memory', () => {
    // 8 MB is less than the parser and the templates need: every brief goes over, deterministically.
    const cwd = makeProject({ 'briefs/a.md': briefText({ id: 'a' }) });
    const build = runCli(['build', '--format', 'md', '--max-memory', '8'], { cwd });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('resource-limit');
    expect(build.stderr).toContain('needed more memory than 8 MB, expected at most 8 MB');
    expect(build.stderr).toContain('`--max-memory`');
    expect(existsSync(join(cwd, 'out/a.md'))).toBe(false);
    expect(existsSync(join(cwd, 'out/.briefsmith.lock'))).toBe(false);
    const check = runCli(['check', '--max-memory', '8'], { cwd });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('resource-limit');
  });

  it('takes the limits from briefsmith.config.json, a flag overriding its setting', () => {
    const cwd = makeProject({ 'briefs/a.md': briefText({ id: 'a' }), 'briefsmith.config.json': JSON.stringify({ limits: { maxMemory: 8 } }) });
    const limited = runCli(['check'], { cwd });
    expect(limited.status).toBe(1);
    expect(limited.stdout).toContain('needed more memory than 8 MB');
    expect(runCli(['check', '--max-memory', '2048'], { cwd }).status).toBe(0);
  });

  it('refuses a limit that is not a whole number of at least 1, in a flag or in the config (exit 2)', () => {
    const cwd = makeProject({ 'briefs/a.md': briefText({ id: 'a' }) });
    expect(runCli(['check', '--max-seconds', '0'], { cwd })).toMatchObject({ status: 2 });
    const configured = makeProject({ 'briefs/a.md': briefText({ id: 'a' }), 'briefsmith.config.json': JSON.stringify({ limits: { maxSeconds: 'soon' } }) });
    const result = runCli(['check'], { cwd: configured });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('limits.maxSeconds');
  });
});
