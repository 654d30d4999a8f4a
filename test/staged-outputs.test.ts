/**
 * A build's jobs write their outputs' temp files in the out dir themselves (BriefJob.stageIn):
 * the worker sends back their names, not their bytes, and the build renames them with the rest
 * of the brief or removes them. What comes out is what a build writing the bytes itself writes,
 * and no temp file outlives the build, not even for a brief that turns out not to be written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBriefs } from '../src/index.js';
import { describeError, exitCodeFor } from '../src/cli/exit.js';
import { ContainmentError, writeAllOwned } from '../src/io/contained.js';
import { stageFile } from '../src/io/write.js';
import { WorkerPool } from '../src/engine/threads/worker-pool.js';
import { fullBrief, makeProject, minimalBrief } from './helpers/project.js';

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

const tempFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
const formats = ['md', 'html', 'json'] as const;

describe('outputs staged by a job', () => {
  it('come back from a worker as fsync’d temp files beside their outputs, without their bytes', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief });
    const outDir = join(cwd, 'out');
    const pool = new WorkerPool(1);
    pools.push(pool);
    const result = await pool.brief({ path: join(cwd, 'briefs', 'full.md'), cwd, formats: ['md', 'html'], build: 'staged', stageIn: outDir });
    expect(result.outputs).toEqual([]);
    expect(result.staged.map((staged) => staged.format)).toEqual(['md', 'html']);
    for (const staged of result.staged) {
      expect(staged.temporary.startsWith(join(outDir, `.full-brief.${staged.format}.`))).toBe(true);
      expect(readFileSync(staged.temporary).byteLength).toBe(staged.bytes);
    }
  });

  it('give the bytes a build on its own thread writes, and leave no temp file', async () => {
    const project = () => makeProject({ 'briefs/full.md': fullBrief, 'briefs/minimal.md': minimalBrief });
    const [pooled, single] = [project(), project()];
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    await buildBriefs({ cwd: pooled, formats, threads: 1, env });
    await buildBriefs({ cwd: single, formats, threads: 0, env });
    const read = (cwd: string) =>
      Object.fromEntries(
        ['full-brief', 'minimal-brief'].flatMap((id) =>
          formats.map((format) => [`${id}.${format}`, readFileSync(join(cwd, 'out', `${id}.${format}`), 'utf8')]),
        ),
      );
    expect(read(pooled)).toEqual(read(single));
    expect(tempFiles(join(pooled, 'out'))).toEqual([]);
  });

  it('are removed for a brief the build does not write (its id is taken)', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief, 'briefs/b.md': minimalBrief });
    const result = await buildBriefs({ cwd, formats, threads: 1 });
    expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toContain('duplicate-id');
    expect(result.written).toHaveLength(3);
    expect(tempFiles(join(cwd, 'out'))).toEqual([]);
  });

  it('that cannot be written fail the brief with the output named, as a write by the build would', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief, 'not-a-folder': 'x' });
    const pool = new WorkerPool(1);
    pools.push(pool);
    const stageIn = join(cwd, 'not-a-folder');
    const result = await pool.brief({ path: join(cwd, 'briefs', 'full.md'), cwd, formats: ['md'], build: 'staged', stageIn });
    expect(result.staged).toEqual([]);
    expect(describeError(result.renderError)).toMatch(new RegExp(`^cannot write ${join(stageIn, 'full-brief.md')}: `));
    expect(exitCodeFor(result.renderError)).toBe(2);
  });

  it('go into place only as temp files of their own output, beside it', async () => {
    const cwd = makeProject({});
    const outDir = join(cwd, 'out');
    const elsewhere = stageFile(join(cwd, 'elsewhere.md'), Buffer.from('x'));
    const otherName = stageFile(join(outDir, 'other.md'), Buffer.from('x'));
    for (const temporary of [elsewhere.temporary, otherName.temporary, join(cwd, 'secret.txt')])
      await expect(writeAllOwned(outDir, [{ name: 'brief.md', temporary }])).rejects.toBeInstanceOf(ContainmentError);
    const own = stageFile(join(outDir, 'brief.md'), Buffer.from('brief'));
    await writeAllOwned(outDir, [{ name: 'brief.md', temporary: own.temporary }]);
    expect(readFileSync(join(outDir, 'brief.md'), 'utf8')).toBe('brief');
  });
});
