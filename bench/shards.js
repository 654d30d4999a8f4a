/**
 * Sharded builds and site mode (issue 18): 1000 sample-size briefs (copies of the sample, 40 KB)
 * built to md+html+json in 1, 2 and 4 shards, the shards run one after another on this machine
 * (as N runners would run them side by side), then merged; and the bytes a whole build writes in
 * standalone and in site mode. No PDFs: printing adds ~0.3 s a brief to every shard alike.
 * `--quick` uses 200 briefs.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'Sharded builds, merge, and site mode (md, html, json; no PDF)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
const formats = ['md', 'html', 'json'];
const count = Number(process.env.BENCH_SHARD_BRIEFS) || (process.argv.includes('--quick') ? 200 : 1000);
const env = { ...process.env, SOURCE_DATE_EPOCH: '1761955200' };

function project() {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-bench-shards-'));
  mkdirSync(join(cwd, 'briefs'));
  for (let index = 0; index < count; index++) {
    writeFileSync(
      join(cwd, 'briefs', `b${index}.md`),
      sample.replace(/^id: .*$/m, `id: bench-${String(index).padStart(4, '0')}`).replace(/^title: (.*)$/m, `title: $1 — copy ${index}`),
    );
  }
  return cwd;
}

/** Bytes of every file under `dir` but the build cache. */
function bytesUnder(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    if (name === '.cache') continue;
    const path = join(dir, name);
    const info = statSync(path);
    total += info.isDirectory() ? bytesUnder(path) : info.size;
  }
  return total;
}

async function timed(action) {
  const started = performance.now();
  await action();
  return (performance.now() - started) / 1000;
}

export async function run() {
  const { buildBriefs, mergeShards } = await import(join(root, 'dist', 'index.js'));
  const cwd = project();
  const rows = [];
  try {
    for (const shards of [1, 2, 4]) {
      const times = [];
      for (let index = 1; index <= shards; index++) {
        times.push(await timed(() => buildBriefs({ cwd, formats, site: true, env, outDir: `s${shards}/${index}`, shard: { index, count: shards } })));
      }
      const merge = await timed(() =>
        mergeShards(
          times.map((_, index) => join(cwd, `s${shards}`, String(index + 1))),
          { outDir: join(cwd, `merged${shards}`) },
        ),
      );
      rows.push({ label: `${count} briefs in ${shards} shard${shards === 1 ? '' : 's'}: slowest shard`, value: Math.max(...times) });
      rows.push({ label: `${count} briefs in ${shards} shard${shards === 1 ? '' : 's'}: all shards, one after another`, value: times.reduce((a, b) => a + b) });
      rows.push({ label: `${count} briefs in ${shards} shard${shards === 1 ? '' : 's'}: merge`, value: merge });
    }
    for (const site of [false, true]) {
      const outDir = join(cwd, site ? 'site' : 'standalone');
      await buildBriefs({ cwd, formats, site, env, outDir });
      rows.push({ label: `${count} briefs, bytes written, ${site ? 'site mode (--site)' : 'standalone pages'}`, value: bytesUnder(outDir) / 1e6, unit: 'MB' });
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  return rows;
}
