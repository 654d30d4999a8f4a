/**
 * With more tasks queued than workers, the pool sends each busy worker its next task ahead, so
 * the worker starts it the moment it answers instead of idling until the build's thread has read
 * the answer. A task sent ahead to a worker that is then stopped (a limit) never started: another
 * worker runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/engine/threads/worker-pool.js';
import { makeProject } from './helpers/project.js';
import { briefText } from './security/brief.js';

const hook = (name: string) => new URL(`./fixtures/worker-hooks/${name}`, import.meta.url).href;
const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function jobs(names: readonly string[]) {
  const cwd = makeProject(Object.fromEntries(names.map((name) => [`briefs/${name}.md`, briefText({ id: name })])));
  return { cwd, jobs: names.map((name) => ({ path: join(cwd, 'briefs', `${name}.md`), cwd, formats: ['md' as const], build: 'prefetch' })) };
}

describe('a busy worker', () => {
  it('has its next task before it answers the current one, when more are queued than there are workers', async () => {
    const pool = new WorkerPool(1, { hook: hook('prefetch-probe.mjs') });
    pools.push(pool);
    const { cwd, jobs: all } = jobs(['a-probe', 'b', 'c']);
    const results = await Promise.all(all.map((job) => pool.brief(job)));
    expect(results.map((result) => result.meta?.id)).toEqual(['a-probe', 'b', 'c']);
    // The first task and the one sent behind it.
    expect(readFileSync(join(cwd, 'probe.txt'), 'utf8')).toBe('2');
  });

  it('gives the task sent behind one stopped by a limit to a fresh worker', async () => {
    const pool = new WorkerPool(1, { hook: hook('hostile.mjs'), limits: { maxSeconds: 2 } });
    pools.push(pool);
    const { jobs: all } = jobs(['a-spin', 'b', 'c']);
    const results = await Promise.allSettled(all.map((job) => pool.brief(job)));
    expect(results[0]?.status).toBe('rejected');
    expect(results.slice(1).map((result) => (result.status === 'fulfilled' ? result.value.meta?.id : result.reason))).toEqual(['b', 'c']);
  });
});
