/**
 * The CI workflow (.github/workflows/briefs.yml), run here job by job the way the hosted runners
 * run it (test/helpers/workflow-runner.ts): check, one build per matrix shard, the shards'
 * uploads downloaded into one folder, then merge. What is checked is what it does: the merged site
 * equals an unsharded build, a second run restores every shard from its cache and builds
 * nothing, and a template edit still reaches the site. PDF is left out so the suite needs no
 * Chromium to build; the sharding does not depend on the format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fileTree } from './helpers/tree.js';
import { root } from './helpers/fixtures.js';
import { fullBrief, makeProject, minimalBrief, withId, writeProjectFile } from './helpers/project.js';
import { readWorkflow, WorkflowRunner, type WorkflowRun } from './helpers/workflow-runner.js';

const workflow = readWorkflow(join(root, '.github', 'workflows', 'briefs.yml'));
const env = { SOURCE_DATE_EPOCH: '1761955200' };
const noPdf = ['--format', 'md,html,json'];

function project(): string {
  const files: Record<string, string> = {
    'briefs/sharaa-moscow-2025-10.md': readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8'),
    'briefs/full.md': fullBrief,
  };
  for (let index = 1; index <= 4; index++) files[`briefs/copy-${index}.md`] = withId(minimalBrief, `copy-${index}`);
  return makeProject(files);
}

const failed = (run: WorkflowRun) =>
  run.commands.filter(({ result }) => result.status !== 0).map(({ job, args, result }) => `${job}: ${args.join(' ')}: ${result.stderr}`);
const builds = (run: WorkflowRun) => run.commands.filter(({ args }) => args[0] === 'build');

describe('CI workflow', () => {
  it('run job by job, publishes what an unsharded build publishes, and a second run rebuilds nothing', () => {
    const cwd = project();
    const runner = new WorkflowRunner(workflow, cwd, noPdf, env);
    const first = runner.run();
    expect(failed(first)).toEqual([]);
    expect(first.commands.map(({ job, args }) => `${job}: ${args[0]}`)).toContain('check: check');
    expect(builds(first).length).toBeGreaterThan(1);
    // Pages are deployed only where the repository asks for them.
    expect(first.skipped).toEqual(['deploy']);
    const unsharded = runCli(['build', 'briefs', '--site', '--out', 'whole', ...noPdf], { cwd, env });
    expect(unsharded.status, unsharded.stderr).toBe(0);
    expect(fileTree(first.artifacts.get('briefs')!)).toEqual(fileTree(join(cwd, 'whole')));

    // Same sources: every shard's out dir comes back from its cache.
    const second = runner.run();
    expect(failed(second)).toEqual([]);
    for (const { job, result } of builds(second)) expect(result.stdout, job).toMatch(/^built 0, unchanged \d+ \(0 files written\)/m);
    expect(fileTree(second.artifacts.get('briefs')!)).toEqual(fileTree(first.artifacts.get('briefs')!));
  }, 300_000);

  it('brings a template edit into the site, whatever the shards restore', () => {
    const cwd = project();
    const runner = new WorkflowRunner(workflow, cwd, noPdf, env);
    expect(failed(runner.run())).toEqual([]);
    const screen = readFileSync(join(root, 'defaults', 'templates', 'screen.css'), 'utf8');
    writeProjectFile(cwd, 'templates/screen.css', `${screen}\n.edited-in-ci { color: inherit; }\n`);
    const edited = runner.run();
    expect(failed(edited)).toEqual([]);
    const site = edited.artifacts.get('briefs')!;
    const assets = readdirSync(join(site, 'assets')).filter((name) => name.endsWith('.css'));
    expect(assets.some((name) => readFileSync(join(site, 'assets', name), 'utf8').includes('.edited-in-ci'))).toBe(true);
    // Every brief is built again (its stylesheet input changed), in whichever shard it is.
    const built = builds(edited).map(({ result }) => Number(/^built (\d+),/m.exec(result.stdout)?.[1] ?? Number.NaN));
    expect(built.reduce((total, count) => total + count, 0)).toBe(6);
  }, 300_000);
});
