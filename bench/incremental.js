/**
 * Incremental builds (issue 7 goals): a no-op rebuild of 100 briefs, a rebuild after editing one
 * of 100 compared with building that brief alone, and 1000 briefs to md+html+json (no PDF).
 * Briefs are copies of the sample brief with their own ids and titles, built in-process through
 * the library (dist/). `--quick` skips the 1000-brief build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'Incremental builds (md, html, json; no PDF)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
const formats = ['md', 'html', 'json'];

const small = readFileSync(join(root, 'test', 'fixtures', 'full', 'input.md'), 'utf8');

function project(count, make = copy) {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-bench-'));
  mkdirSync(join(cwd, 'briefs'));
  for (let index = 0; index < count; index++) writeFileSync(join(cwd, 'briefs', `b${index}.md`), make(index));
  return cwd;
}

/** A copy of the small `full` fixture (2.5 KB, every part of the model once). */
function smallCopy(index) {
  return small.replace(/^id: .*$/m, `id: small-${String(index).padStart(4, '0')}`).replace(/^title: "/m, `title: "Copy ${index}: `);
}

function copy(index, edit = '') {
  return sample.replace(/^id: .*$/m, `id: bench-${String(index).padStart(4, '0')}`).replace(/^title: (.*)$/m, `title: $1 — copy ${index}${edit}`);
}

async function timed(action) {
  const started = performance.now();
  const result = await action();
  return { seconds: (performance.now() - started) / 1000, result };
}

export async function run() {
  const { buildBriefs } = await import(join(root, 'dist', 'index.js'));
  const rows = [];
  const cwd = project(100);
  try {
    const build = (options = {}) => buildBriefs({ cwd, formats, ...options });
    const first = await timed(() => build());
    rows.push({ label: 'first build, 100 briefs', value: first.seconds });
    const noop = await timed(() => build());
    if (noop.result.unchanged.length !== 100) throw new Error('no-op rebuild rebuilt something');
    rows.push({ label: 'no-op rebuild, 100 briefs', value: noop.seconds, goal: '≤ 0.5 s' });

    // Edit-one and alone alternate, three rounds, medians: whichever ran first in this process
    // would otherwise pay for loading the renderer on this thread (the first build used workers).
    // "Alone" builds a copy never rendered before, as the edited brief is.
    const edits = [];
    const alones = [];
    for (let round = 0; round < 3; round++) {
      writeFileSync(join(cwd, 'briefs', 'b42.md'), copy(42, ` (edited ${round})`));
      const one = await timed(() => build());
      if (one.result.written.length !== 3) throw new Error('an edit rebuilt more than its brief');
      edits.push(one.seconds);
      const aloneDir = project(0);
      writeFileSync(join(aloneDir, 'briefs', 'one.md'), copy(100 + round, ' (edited)'));
      alones.push((await timed(() => buildBriefs({ cwd: aloneDir, formats }))).seconds);
      rmSync(aloneDir, { recursive: true, force: true });
    }
    const median = (values) => [...values].sort((first, second) => first - second)[1];
    const one = { seconds: median(edits) };
    const alone = { seconds: median(alones) };
    rows.push({ label: 'rebuild after editing 1 of 100', value: one.seconds });
    rows.push({ label: 'building that one brief alone', value: alone.seconds });
    rows.push({ label: 'ratio (edit-one rebuild / alone)', value: one.seconds / alone.seconds, unit: 'x', goal: '≤ 1.5×' });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }

  if (!process.argv.includes('--quick')) {
    // The same 1000 briefs built twice: with the default threads and on this thread alone.
    const thousand = async (label, make, goal) => {
      for (const threads of [undefined, 0]) {
        const big = project(1000, make);
        try {
          const all = await timed(() => buildBriefs({ cwd: big, formats, ...(threads === undefined ? {} : { threads }) }));
          if (all.result.written.length !== 3000) throw new Error(`1000 briefs wrote ${all.result.written.length} files`);
          rows.push({
            label: threads === undefined ? label : `  same ${label.includes('small') ? 'small briefs' : 'briefs'}, on one thread (--threads 0)`,
            value: all.seconds,
            ...(threads === undefined ? { goal } : {}),
          });
        } finally {
          rmSync(big, { recursive: true, force: true });
        }
      }
    };
    await thousand('1000 briefs, md+html+json (sample size, 40 KB)', copy, '≤ 10 s');
    await thousand('1000 small briefs, md+html+json (2.5 KB)', smallCopy, '≤ 10 s');
  }
  return rows;
}
