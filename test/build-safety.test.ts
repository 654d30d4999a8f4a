/** Two builds at once, and a build killed half-way: out/ is never left corrupt. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs } from '../src/index.js';
import { acquireLock, LockTimeoutError } from '../src/io/lock.js';
import { runCli } from './helpers/cli.js';
import { root } from './helpers/fixtures.js';
import { makeProject, minimalBrief, withId, writeProjectFile } from './helpers/project.js';

const bin = join(root, 'bin', 'briefsmith.js');
const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
const manyBriefs = (count: number, text: string) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`briefs/b${index}.md`, withId(text, `brief-${index}`)]));

/** Every output in `out` is whole: JSON parses, HTML ends, Markdown ends with the classification. */
function expectWholeOutputs(out: string, count: number, marker: RegExp) {
  for (let index = 0; index < count; index++) {
    const json = readFileSync(join(out, `brief-${index}.json`), 'utf8');
    expect(JSON.parse(json).meta.id).toBe(`brief-${index}`);
    expect(readFileSync(join(out, `brief-${index}.html`), 'utf8')).toMatch(/<\/html>\n$/);
    const md = readFileSync(join(out, `brief-${index}.md`), 'utf8');
    expect(md).toMatch(/\*\*UNCLASSIFIED\*\*\n$/);
    expect(md).toMatch(marker);
  }
}

describe('lock', () => {
  it('makes a second build wait, then fail with exit 2 and a clear message', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief });
    const lock = await acquireLock(join(cwd, 'out'));
    try {
      await expect(buildBriefs({ cwd, formats: ['md'], lockTimeoutMs: 100 })).rejects.toBeInstanceOf(LockTimeoutError);
      const cli = runCli(['build', '--format', 'md', '--lock-timeout', '1'], { cwd });
      expect(cli.status).toBe(2);
      expect(cli.stderr).toContain(`is in use by another briefsmith build (pid ${process.pid} on ${hostname()}); waited 1.0 s`);
      expect(existsSync(join(cwd, 'out', 'minimal-brief.md'))).toBe(false);
    } finally {
      await lock.release();
    }
    expect((await buildBriefs({ cwd, formats: ['md'] })).written).toHaveLength(1);
    expect(existsSync(join(cwd, 'out', '.briefsmith.lock'))).toBe(false);
  });

  it('takes over the lock of a build that no longer runs', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief });
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    writeProjectFile(cwd, 'out/.briefsmith.lock', `${dead}\n${hostname()}\n2025-01-01T00:00:00Z\n`);
    expect((await buildBriefs({ cwd, formats: ['md'], lockTimeoutMs: 100 })).written).toHaveLength(1);
  });

  it('runs two builds started at once one after the other', async () => {
    const cwd = makeProject(manyBriefs(3, minimalBrief));
    const run = () =>
      new Promise<number | null>((resolve) => {
        spawn(process.execPath, [bin, 'build', '--format', 'md,html,json'], { cwd, stdio: 'ignore' }).on('exit', resolve);
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expectWholeOutputs(join(cwd, 'out'), 3, /A minimal brief/);
    expect(temps(join(cwd, 'out'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')).briefs).toHaveLength(3);
  });
});

describe('an interrupted build', () => {
  const count = 12;

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`killed with ${signal} mid-build leaves whole outputs and, by the next build, no temp files`, async () => {
      const cwd = makeProject(manyBriefs(count, minimalBrief));
      expect(runCli(['build', '--format', 'md,html,json', '--concurrency', '1'], { cwd }).status).toBe(0);
      for (let index = 0; index < count; index++)
        writeProjectFile(cwd, `briefs/b${index}.md`, withId(minimalBrief, `brief-${index}`).replace('A minimal brief', 'An edited brief'));

      const child = spawn(process.execPath, [bin, 'build', '--format', 'md,html,json', '--concurrency', '1'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
      let output = '';
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, killedBy) => resolve(killedBy ?? code)));
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if ((output.match(/^wrote /gm) ?? []).length >= 3) resolve();
        }),
      );
      child.kill(signal);
      expect(await exited).not.toBe(0);
      expect(output).not.toMatch(/^built /m);

      const out = join(cwd, 'out');
      expectWholeOutputs(out, count, /A minimal brief|An edited brief/);
      if (signal === 'SIGTERM') expect(temps(out)).toEqual([]);
      // The next build finishes the job and clears anything a killed process left behind.
      writeFileSync(join(out, `.brief-0.md.${spawnSync(process.execPath, ['-e', '0']).pid}.deadbeef.tmp`), 'half');
      expect(runCli(['build', '--format', 'md,html,json'], { cwd }).status).toBe(0);
      expectWholeOutputs(out, count, /An edited brief/);
      expect(temps(out)).toEqual([]);
    });
  }
});
