/**
 * The CI workflow (.github/workflows/briefs.yml) as a job graph, and its briefsmith steps run here
 * the way the runners run them: check, one build per matrix shard (with the matrix values
 * substituted), each shard's out dir laid out as download-artifact lays it out, then merge. The
 * merged site must equal an unsharded build. PDF is left out so the suite needs no Chromium; the
 * sharding does not depend on the format.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/cli.js';
import { fileTree } from './helpers/tree.js';
import { root } from './helpers/fixtures.js';
import { fullBrief, makeProject, minimalBrief, withId } from './helpers/project.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  steps?: Step[];
  strategy?: { matrix?: { shard?: number[] } };
  'runs-on'?: string;
  if?: string;
}

const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'briefs.yml'), 'utf8')) as { jobs: Record<string, Job> };
const { jobs } = workflow;
const needs = (job: Job) => [job.needs ?? []].flat();
const step = (job: Job, action: string) => job.steps?.find((candidate) => candidate.uses?.startsWith(`${action}@`));
/** The briefsmith command lines of a job, as argument lists, with `${{ name }}` expressions replaced from `values`. */
const commands = (job: Job, values: Record<string, string> = {}) =>
  (job.steps ?? [])
    .flatMap((candidate) => (candidate.run ?? '').split('\n'))
    .map((line) => line.trim().replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (expression, name: string) => values[name] ?? expression))
    .filter((line) => line.startsWith('npx briefsmith '))
    .map((line) => line.split(/\s+/).slice(2));

describe('CI workflow', () => {
  it('runs check, then a matrix of shard builds, then one merge (then an optional Pages deploy)', () => {
    expect(needs(jobs.build!)).toEqual(['check']);
    expect(needs(jobs.merge!)).toEqual(['build']);
    expect(needs(jobs.deploy!)).toEqual(['merge']);
    expect(jobs.deploy!.if).toMatch(/vars\.BRIEFS_PAGES == 'true'/);
    const shards = jobs.build!.strategy!.matrix!.shard!;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, index) => index + 1));
    expect(shards.length).toBeGreaterThan(1);
  });

  it('uses the hosted runner as it is: no apt packages, the bundled headless shell from npm ci', () => {
    for (const [name, job] of Object.entries(jobs)) {
      expect(job['runs-on'], name).toMatch(/^ubuntu-/);
      for (const candidate of job.steps ?? []) expect(candidate.run ?? '', name).not.toMatch(/apt(-get)?\s|snap\s|sudo\s/);
    }
    const install = jobs.build!.steps!.map((candidate) => candidate.run ?? '');
    expect(install).toContain('npm ci');
    // Only the build prints: the other jobs leave the optional browser out.
    for (const name of ['check', 'merge']) expect(jobs[name]!.steps!.map((candidate) => candidate.run ?? '')).toContain('npm ci --omit=optional');
  });

  it("caches each shard's out dir keyed on the lock file, templates and briefs, and uploads what merge reads", () => {
    const build = jobs.build!;
    const cache = step(build, 'actions/cache')!;
    const [buildCommand] = commands(build).filter((args) => args[0] === 'build');
    const out = buildCommand![buildCommand!.indexOf('--out') + 1];
    expect(cache.with!.path).toBe(out);
    for (const input of [
      "hashFiles('package-lock.json')",
      "hashFiles('defaults/templates/**', 'templates/**')",
      "hashFiles('briefs/**')",
      'matrix.shard',
      'strategy.job-total',
    ])
      expect(String(cache.with!.key)).toContain(input);
    expect(step(build, 'actions/upload-artifact')!.with!.path).toBe(out);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
    expect(step(build, 'actions/upload-artifact')!.with!.name).toBe('shard-${{ matrix.shard }}');
    const download = step(jobs.merge!, 'actions/download-artifact')!;
    expect(download.with).toMatchObject({ pattern: 'shard-*', path: 'shards' });
    const order = ['actions/cache', 'npx briefsmith build', 'actions/upload-artifact'].map((marker) =>
      build.steps!.findIndex((candidate) => `${candidate.run ?? ''}${candidate.uses ?? ''}`.includes(marker)),
    );
    expect(order).toEqual([...order].sort((left, right) => left - right));
  });

  it('its briefsmith steps, run shard by shard and merged, publish what an unsharded build publishes', () => {
    const files: Record<string, string> = {
      'briefs/sharaa-moscow-2025-10.md': readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8'),
      'briefs/full.md': fullBrief,
    };
    for (let index = 1; index <= 4; index++) files[`briefs/copy-${index}.md`] = withId(minimalBrief, `copy-${index}`);
    const cwd = makeProject(files);
    const env = { SOURCE_DATE_EPOCH: '1761955200' };
    const noPdf = ['--format', 'md,html,json'];
    const [check] = commands(jobs.check!);
    const checked = runCli(check!, { cwd });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).not.toMatch(/^::error/m);

    const shards = jobs.build!.strategy!.matrix!.shard!;
    for (const shard of shards) {
      const [args] = commands(jobs.build!, { 'matrix.shard': String(shard), 'strategy.job-total': String(shards.length) }).filter(
        (command) => command[0] === 'build',
      );
      expect(args!.join(' ')).not.toContain('${{');
      const result = runCli([...args!, ...noPdf], { cwd, env });
      expect(result.status, result.stderr).toBe(0);
      // What download-artifact does: each shard's upload in shards/shard-<i>/.
      cpSync(join(cwd, args![args!.indexOf('--out') + 1]!), join(cwd, 'shards', `shard-${shard}`), {
        recursive: true,
        filter: (path) => !path.includes('/.cache'),
      });
      const second = runCli([...args!, ...noPdf], { cwd, env });
      expect(second.stdout, 'a restored shard rebuilds nothing').toMatch(/^built 0, unchanged \d+ \(0 files written\)/m);
    }
    const [merge] = commands(jobs.merge!);
    const shardDirs = readdirSync(join(cwd, 'shards'))
      .sort()
      .map((name) => `shards/${name}`);
    const merged = runCli(
      merge!.flatMap((arg) => (arg === 'shards/*' ? shardDirs : [arg])),
      { cwd, env },
    );
    expect(merged.status, merged.stderr).toBe(0);
    const site = merge![merge!.indexOf('--out') + 1]!;

    const unsharded = runCli(['build', 'briefs', '--site', '--out', 'whole', ...noPdf], { cwd, env });
    expect(unsharded.status).toBe(0);
    expect(fileTree(join(cwd, site))).toEqual(fileTree(join(cwd, 'whole')));
  }, 180_000);
});
