/**
 * Which shard of a sharded build (`build --shard i/N`) a brief belongs to: rendezvous hashing of
 * its source path. Each brief's shard depends on its own path and N only, so adding or removing a
 * brief never moves another, and going from N to N+1 shards moves only the ~1/(N+1) of briefs
 * the new shard wins — where `hash mod N` would move almost all of them.
 */
import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { BriefsmithError } from '../errors/briefsmith-error.js';

export interface Shard {
  /** From 1. */
  index: number;
  count: number;
}

/** More jobs than GitHub Actions runs in one matrix (256) is never useful. */
export const maxShards = 256;

/** `--shard 2/4` → { index: 2, count: 4 }. */
export function parseShard(value: unknown): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(String(value).trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count || count > maxShards) {
    throw new BriefsmithError(`--shard expects i/N with 1 ≤ i ≤ N ≤ ${maxShards}, got \`${String(value)}\``);
  }
  return { index, count };
}

/** The key a brief is assigned by: its path relative to the project, `/`-separated on every OS. */
export const shardKey = (source: string) => source.split(sep).join('/');

/** The shard (1..count) that `key` belongs to. */
export function shardOf(key: string, count: number): number {
  let best = 1;
  let bestScore = -1n;
  for (let index = 1; index <= count; index++) {
    const score = createHash('sha256').update(`${index}\0${key}`).digest().readBigUInt64BE(0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

/** Whether the brief at `source` (relative path) is built by `shard`; every brief is without one. */
export function inShard(source: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(shardKey(source), shard.count) === shard.index;
}
