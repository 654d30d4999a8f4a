/**
 * A build that keeps no model (`keepModels: false`, as the CLI builds) has its workers send each
 * brief back without its model: the build reads only the meta, and the model was most of what
 * crossed besides the outputs. What it writes is the same either way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBriefs } from '../src/index.js';
import { WorkerPool } from '../src/engine/threads/worker-pool.js';
import { fullBrief, makeProject, withId } from './helpers/project.js';

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('a lean job on a worker', () => {
  it('comes back with the meta and outputs but without the model', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief });
    const pool = new WorkerPool(1);
    pools.push(pool);
    const job = { path: join(cwd, 'briefs', 'full.md'), cwd, formats: ['md' as const], build: 'lean' };
    const [lean, whole] = [await pool.brief({ ...job, lean: true }), await pool.brief(job)];
    expect(lean.brief).toBeNull();
    expect(lean.meta).toEqual(whole.brief?.meta);
    expect(whole.meta).toEqual(whole.brief?.meta);
    expect(lean.outputs.map((output) => Buffer.from(output.data).toString())).toEqual(whole.outputs.map((output) => Buffer.from(output.data).toString()));
  });

  it('comes back without the text of a brief without problems, and with the text of one with warnings', async () => {
    const warned = fullBrief.replace('\n## ', '\nAn uncited paragraph with no source at all.\n\n## ');
    const cwd = makeProject({ 'briefs/full.md': fullBrief, 'briefs/warned.md': withId(warned, 'warned-brief') });
    const pool = new WorkerPool(1);
    pools.push(pool);
    const job = (name: string) => ({ path: join(cwd, 'briefs', name), cwd, formats: ['md' as const], build: 'lean', lean: true });
    const [clean, withWarnings] = [await pool.brief(job('full.md')), await pool.brief(job('warned.md'))];
    expect(clean.file.messages).toEqual([]);
    expect(String(clean.file.value)).toBe('');
    expect(withWarnings.file.messages.length).toBeGreaterThan(0);
    expect(String(withWarnings.file.value)).toBe(readFileSync(join(cwd, 'briefs', 'warned.md'), 'utf8'));
  });

  it('writes what a build keeping its models writes', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief });
    const read = () => ['md', 'html', 'json'].map((format) => readFileSync(join(cwd, 'out', `full-brief.${format}`), 'utf8'));
    const kept = await buildBriefs({ cwd, formats: ['md', 'html', 'json'], force: true });
    const before = read();
    const lean = await buildBriefs({ cwd, formats: ['md', 'html', 'json'], force: true, keepModels: false });
    expect(read()).toEqual(before);
    expect(lean.written.map((file) => file.path)).toEqual(kept.written.map((file) => file.path));
    expect(lean.briefs[0]?.valid).toBe(true);
  });
});
