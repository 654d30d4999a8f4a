/**
 * A worker left without work collects its garbage (brief-worker.ts): the build's own process
 * publishes while its workers are idle, and a watch session waits between saves, so neither
 * should keep the heap a worker grew while busy. Its collections are counted by a worker hook.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/engine/threads/worker-pool.js';
import { makeProject, minimalBrief } from './helpers/project.js';

const hook = new URL('./fixtures/worker-hooks/count-collections.mjs', import.meta.url).href;
const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

const job = (cwd: string, name: string) => ({ path: `${cwd}/briefs/${name}`, cwd, formats: ['md' as const], build: 'rest' });
const collections = (pool: WorkerPool, cwd: string) =>
  pool.brief(job(cwd, 'z-report.md')).then(
    () => Number.NaN,
    (error: Error) => Number(/collections: (\d+)/.exec(error.message)?.[1]),
  );

describe('an idle worker', () => {
  it('collects its garbage once it has no task', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief, 'briefs/b.md': minimalBrief });
    const pool = new WorkerPool(1, { hook });
    pools.push(pool);
    await Promise.all([pool.brief(job(cwd, 'a.md')), pool.brief(job(cwd, 'b.md'))]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await collections(pool, cwd)).toBeGreaterThanOrEqual(1);
  });
});
