/**
 * Workers started ahead of a build (the CLI warms one before loading the build's modules) are
 * the ones the build then takes: grown to the size it asks for, and only when its limits match
 * the ones they were started with.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { takePool, warmPool } from '../src/engine/threads/idle-pool.js';
import type { WorkerPool } from '../src/engine/threads/worker-pool.js';

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
