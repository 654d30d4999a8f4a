/**
 * Workers started ahead of a build (the CLI warms one before loading the build's modules) are
 * the ones the build then takes: grown to the size it asks for, and only when its limits match
 * the ones they were started with. Once a one-off build's briefs are done, it keeps one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildSession } from '../src/engine/session.js';
import { takePool, warmPool } from '../src/engine/threads/idle-pool.js';
import type { WorkerPool } from '../src/engine/threads/worker-pool.js';
import { makeProject, minimalBrief, withId } from './helpers/project.js';

const opened: WorkerPool[] = [];
const take = (size: number, limits: { maxSeconds?: number; maxMemoryMb?: number } = {}) => {
  const pool = takePool(size, { limits });
  opened.push(pool);
  return pool;
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((pool) => pool.close()));
});

describe('workers warmed ahead of a build', () => {
  it('are taken by the next build with the same limits, grown to the size it wants', async () => {
    const warmed = warmPool(1, { limits: { maxMemoryMb: 512 } });
    const pool = take(2, { maxMemoryMb: 512 });
    expect(pool).toBe(warmed);
    expect(pool.size).toBe(2);
    // Taken once: the next build with the same limits starts its own.
    expect(take(1, { maxMemoryMb: 512 })).not.toBe(pool);
  });

  it('are not taken by a build that asks for other limits', () => {
    const warmed = warmPool(1, { limits: { maxMemoryMb: 512 } });
    expect(take(1, { maxMemoryMb: 1024 })).not.toBe(warmed);
    expect(take(1, { maxMemoryMb: 512 })).toBe(warmed);
  });

  it('run a task sent to them once their modules are loaded', async () => {
    const pool = warmPool(1, {});
    expect(take(1)).toBe(pool);
    expect(pool.idle()).toBe(true);
    const finished = await pool.finish(new Uint8Array(), { title: 'x', lang: 'en' } as never).catch((error: Error) => error);
    // An empty file is no PDF: the worker that ran it answered with an error, and stays usable.
    expect(finished).toBeInstanceOf(Error);
    expect(pool.idle()).toBe(true);
  });
});

describe("a one-off build's workers once its briefs are done", () => {
  /** The process ids of this process's live children (Linux). */
  const children = () =>
    readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => {
        try {
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
        } catch {
          return false;
        }
      });

  it.runIf(process.platform === 'linux')('are cut to one before it publishes, which a session of watch or serve keeps', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief, 'briefs/b.md': withId(minimalBrief, 'b-brief') });
    const job = (name: string) => ({ path: join(cwd, 'briefs', name), cwd, formats: ['md' as const], build: 'shrink' });
    for (const oneOff of [true, false]) {
      const session = new BuildSession({ oneOff });
      const pool = session.workers(2)!;
      opened.push(pool);
      await Promise.all([pool.brief(job('a.md')), pool.brief(job('b.md'))]);
      const before = children().length;
      session.briefsDone();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pool.size).toBe(oneOff ? 1 : 2);
      expect(children().length).toBe(oneOff ? before - 1 : before);
      // What is left still works.
      expect((await pool.brief(job('a.md'))).meta?.id).toBe('minimal-brief');
      await session.close();
    }
  });
});
