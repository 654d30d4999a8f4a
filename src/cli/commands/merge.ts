/** `briefsmith merge`: prints what it copied and a summary; a refused merge is exit 2 with the reason. */
import { relative } from 'node:path';
import { mergeShards } from '../../publish/merge.js';
import { parseCount, parseString, parseUrl } from '../flags.js';

export async function runMerge(shards: string[], flags: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const outDir = parseString('out', flags.out) ?? 'out';
  const result = await mergeShards(shards, {
    outDir,
    baseUrl: parseUrl('base-url', flags.baseUrl),
    lockTimeoutMs: flags.lockTimeout === undefined ? undefined : parseCount('lock-timeout', flags.lockTimeout)! * 1000,
  });
  for (const path of result.removed) process.stdout.write(`removed ${relative(process.cwd(), path)} (its brief is gone)\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(
    `merged ${shards.length} shard${shards.length === 1 ? '' : 's'}: ${result.manifest.briefs.length} brief${result.manifest.briefs.length === 1 ? '' : 's'}, ${result.copied} file${result.copied === 1 ? '' : 's'} copied into ${outDir} in ${seconds} s\n`,
  );
  return 0;
}
