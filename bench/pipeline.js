/**
 * The cost of the pipeline itself (issue 19 goals), each build in a process of its own:
 *   - 40 sample briefs, a cold `briefsmith build` (md, html, json; process start included) beside
 *     micromark alone parsing the same 40 files (CommonMark + front matter, one thread), the
 *     same build with `BRIEFSMITH_PARSER=micromark`, and with `--threads 0` (no worker, so no
 *     per-brief time and memory limit): the ratios are same-run figures;
 *   - one sample brief, cold, on a worker (the default) and with `--threads 0`: what the limits
 *     cost on the shortest path;
 *   - 1000 sample-size and 1000 small briefs, cold, with the build's peak RSS;
 *   - after editing one partial every brief uses, rebuilding the 1000 cached sample briefs: the
 *     templates run again, no brief is parsed (checked).
 * front-matter extension that remark-parse and remark-frontmatter bring.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './lib/measure.js';

export const title = 'Pipeline cost: cold builds, the parser, the model cache (md, html, json)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
const small = readFileSync(join(root, 'test', 'fixtures', 'full', 'input.md'), 'utf8');
const cli = join(root, 'bin', 'briefsmith.js');
const many = Number(process.argv.find((arg) => arg.startsWith('--briefs='))?.split('=')[1] ?? 1000);

const copy = (index) => sample.replace(/^id: .*$/m, `id: bench-${String(index).padStart(4, '0')}`).replace(/^title: (.*)$/m, `title: $1 — copy ${index}`);
const smallCopy = (index) => small.replace(/^id: .*$/m, `id: small-${String(index).padStart(4, '0')}`).replace(/^title: "/m, `title: "Copy ${index}: `);

function project(count, make) {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-bench-pipeline-'));
  mkdirSync(join(cwd, 'briefs'));
  for (let index = 0; index < count; index++) writeFileSync(join(cwd, 'briefs', `b${index}.md`), make(index));
  return cwd;
}

/** Runs `node args…` with `env` added (see lib/measure.js). */
const node = (args, env = {}) => measure(process.execPath, args, { env: { ...process.env, ...env } });

const child = (cwd, env) => node([join(root, 'bench', 'lib', 'build-child.js'), cwd], env).then((run) => ({ ...run, ...JSON.parse(run.stdout) }));

/** A cold CLI build of `count` sample briefs to md, html, json (process start included), in seconds. */
async function coldBuild(count, env = {}, extra = []) {
  const cwd = project(count, copy);
  try {
    return (await node([cli, 'build', join(cwd, 'briefs'), '--out', join(cwd, 'out'), '--format', 'md,html,json', ...extra], env)).seconds;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const best = (values) => Math.min(...values);

async function fortyBriefs(rows) {
  const cwd = project(40, copy);
  const micromark = [];
  const native = [];
  const fallback = [];
  const inThread = [];
  try {
    // Interleaved, best of three each: the machine's drift hits every contender alike.
    for (let round = 0; round < 3; round++) {
      micromark.push(JSON.parse((await node([join(root, 'bench', 'lib', 'micromark-alone.js'), join(cwd, 'briefs')])).stdout).seconds);
      native.push(await coldBuild(40));
      fallback.push(await coldBuild(40, { BRIEFSMITH_PARSER: 'micromark' }));
      inThread.push(await coldBuild(40, {}, ['--threads', '0']));
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  rows.push({ label: '40 sample briefs: micromark alone, parse only', value: best(micromark) });
  rows.push({ label: '40 sample briefs: cold briefsmith build (CLI)', value: best(native) });
  rows.push({ label: '  same, BRIEFSMITH_PARSER=micromark', value: best(fallback) });
  rows.push({ label: '  same, --threads 0 (no worker, no time/memory limit)', value: best(inThread) });
  rows.push({ label: 'ratio (cold build / micromark alone)', value: best(native) / best(micromark), unit: 'x', goal: '≤ 1×' });
  rows.push({ label: 'ratio (micromark build / satteri build)', value: best(fallback) / best(native), unit: 'x' });
  rows.push({ label: 'ratio (worker build / --threads 0), 40 briefs', value: best(native) / best(inThread), unit: 'x' });
}

/** The price of the limits on the shortest path: one brief, cold, on a worker (the default) and on the CLI's thread. */
async function oneBrief(rows) {
  const worker = [];
  const inThread = [];
  for (let round = 0; round < 5; round++) {
    worker.push(await coldBuild(1));
    inThread.push(await coldBuild(1, {}, ['--threads', '0']));
  }
  rows.push({ label: '1 sample brief: cold briefsmith build (CLI), on a worker', value: best(worker) });
  rows.push({ label: '  same, --threads 0 (no worker, no time/memory limit)', value: best(inThread) });
  rows.push({ label: 'ratio (worker build / --threads 0), 1 brief', value: best(worker) / best(inThread), unit: 'x' });
}

async function thousand(rows) {
  const big = project(many, copy);
  try {
    const cold = await child(big);
    if (cold.written !== 3 * many || cold.failures) throw new Error(`${many} briefs wrote ${cold.written} files`);
    rows.push({ label: `${many} sample-size briefs (40 KB), cold`, value: cold.seconds, goal: '≤ 15 s' });
    rows.push({ label: '  peak RSS of that build', value: cold.rssMb ?? cold.peakRssMb, unit: 'MB', goal: '≤ 500 MB' });
    // A partial every brief's HTML uses: every HTML output is due, no model is.
    const partial = readFileSync(join(root, 'defaults', 'templates', 'partials', 'html', 'sources.hbs'), 'utf8');
    mkdirSync(join(big, 'templates', 'partials', 'html'), { recursive: true });
    writeFileSync(join(big, 'templates', 'partials', 'html', 'sources.hbs'), partial.replace('<h2>Sources</h2>', '<h2>References</h2>'));
    const edited = await child(big);
    if (edited.written !== many || edited.parsed !== 0) throw new Error(`the partial edit wrote ${edited.written} files and parsed ${edited.parsed} briefs`);
    rows.push({ label: `rebuild of those ${many} after editing one partial`, value: edited.seconds, goal: '≤ 5 s' });
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
  const few = project(many, smallCopy);
  try {
    const cold = await child(few);
    rows.push({ label: `${many} small briefs (2.5 KB), cold`, value: cold.seconds, goal: '≤ 5 s' });
  } finally {
    rmSync(few, { recursive: true, force: true });
  }
}

export async function run() {
  const rows = [];
  await fortyBriefs(rows);
  await oneBrief(rows);
  if (!process.argv.includes('--quick')) await thousand(rows);
  return rows;
}
