/**
 * The cost of the pipeline itself (issue 19 goals), each build in a process of its own:
 *   - 40 sample briefs, a cold `briefsmith build` (md, html, json; process start included) beside
 *     micromark alone parsing the same 40 files (CommonMark + front matter, one thread), and the
 *     same build with `BRIEFSMITH_PARSER=micromark`: the ratios are same-run figures;
 *   - 1000 sample-size and 1000 small briefs, cold, with the build's peak RSS;
 *   - after editing one partial every brief uses, rebuilding the 1000 cached sample briefs: the
 *     templates run again, no brief is parsed (checked).
 * `--quick` skips the 1000-brief builds. micromark alone uses mdast-util-from-markdown and the
 * front-matter extension that remark-parse and remark-frontmatter bring.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { sampleTree } from './lib/process-tree.js';

export const title = 'Pipeline cost: cold builds, the parser, the model cache (md, html, json)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
const small = readFileSync(join(root, 'test', 'fixtures', 'full', 'input.md'), 'utf8');
const cli = join(root, 'bin', 'briefsmith.js');

const copy = (index) => sample.replace(/^id: .*$/m, `id: bench-${String(index).padStart(4, '0')}`).replace(/^title: (.*)$/m, `title: $1 — copy ${index}`);
const smallCopy = (index) => small.replace(/^id: .*$/m, `id: small-${String(index).padStart(4, '0')}`).replace(/^title: "/m, `title: "Copy ${index}: `);

function project(count, make) {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-bench-pipeline-'));
  mkdirSync(join(cwd, 'briefs'));
  for (let index = 0; index < count; index++) writeFileSync(join(cwd, 'briefs', `b${index}.md`), make(index));
  return cwd;
}

/** Runs `node args…`; resolves to wall seconds (spawn to exit), peak tree RSS in MB and stdout. */
function measure(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const sampler = sampleTree(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peak = sampler.stop();
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(-600)}`));
      else resolve({ seconds, rssMb: peak === null ? null : peak / 1024 / 1024, stdout });
    });
  });
}

const child = (cwd, env) => measure([join(root, 'bench', 'lib', 'build-child.js'), cwd], env).then((run) => ({ ...run, ...JSON.parse(run.stdout) }));

async function fortyBriefs(rows) {
  const build = async (env) => {
    const cwd = project(40, copy);
    try {
      return (await measure([cli, 'build', join(cwd, 'briefs'), '--out', join(cwd, 'out'), '--format', 'md,html,json'], env)).seconds;
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  };
  const cwd = project(40, copy);
  const micromark = [];
  const native = [];
  const fallback = [];
  try {
    // Interleaved, best of three each: the machine's drift hits every contender alike.
    for (let round = 0; round < 3; round++) {
      micromark.push(JSON.parse((await measure([join(root, 'bench', 'lib', 'micromark-alone.js'), join(cwd, 'briefs')])).stdout).seconds);
      native.push(await build({}));
      fallback.push(await build({ BRIEFSMITH_PARSER: 'micromark' }));
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const best = (values) => Math.min(...values);
  rows.push({ label: '40 sample briefs: micromark alone, parse only', value: best(micromark) });
  rows.push({ label: '40 sample briefs: cold briefsmith build (CLI)', value: best(native) });
  rows.push({ label: '  same, BRIEFSMITH_PARSER=micromark', value: best(fallback) });
  rows.push({ label: 'ratio (cold build / micromark alone)', value: best(native) / best(micromark), unit: 'x', goal: '≤ 1×' });
  rows.push({ label: 'ratio (micromark build / satteri build)', value: best(fallback) / best(native), unit: 'x' });
}

async function thousand(rows) {
  const big = project(1000, copy);
  try {
    const cold = await child(big);
    if (cold.written !== 3000 || cold.failures) throw new Error(`1000 briefs wrote ${cold.written} files`);
    rows.push({ label: '1000 sample-size briefs (40 KB), cold', value: cold.seconds, goal: '≤ 15 s' });
    rows.push({ label: '  peak RSS of that build', value: cold.rssMb ?? cold.peakRssMb, unit: 'MB', goal: '≤ 500 MB' });
    // A partial every brief's HTML uses: every HTML output is due, no model is.
    const partial = readFileSync(join(root, 'templates', 'partials', 'html', 'sources.hbs'), 'utf8');
    mkdirSync(join(big, 'templates', 'partials', 'html'), { recursive: true });
    writeFileSync(join(big, 'templates', 'partials', 'html', 'sources.hbs'), partial.replace('<h2>Sources</h2>', '<h2>References</h2>'));
    const edited = await child(big);
    if (edited.written !== 1000 || edited.parsed !== 0) throw new Error(`the partial edit wrote ${edited.written} files and parsed ${edited.parsed} briefs`);
    rows.push({ label: 'rebuild of those 1000 after editing one partial', value: edited.seconds, goal: '≤ 5 s' });
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
  const few = project(1000, smallCopy);
  try {
    const cold = await child(few);
    rows.push({ label: '1000 small briefs (2.5 KB), cold', value: cold.seconds, goal: '≤ 5 s' });
  } finally {
    rmSync(few, { recursive: true, force: true });
  }
}

export async function run() {
  const rows = [];
  await fortyBriefs(rows);
  if (!process.argv.includes('--quick')) await thousand(rows);
  return rows;
}
