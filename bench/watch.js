/**
 * Live preview (goals of issue 19): with `watch` running on the sample brief (every format),
 * the time from saving an edit to the new HTML being written (goal ≤ 100 ms) and to the new
 * PDF being written (goal ≤ 350 ms). Median of several edits after a warm-up, through the
 * library (dist/), on the real file system: the time includes noticing the change.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'Live preview: edit → output updated (watch, sample brief)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
const edits = 7;

const median = (values) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];

export async function run() {
  const { watchBriefs } = await import(join(root, 'dist', 'watch', 'watch.js'));
  const cwd = mkdtempSync(join(tmpdir(), 'bs-bench-watch-'));
  mkdirSync(join(cwd, 'briefs'));
  const brief = join(cwd, 'briefs', 'sample.md');
  writeFileSync(brief, sample);
  let waiting;
  const watch = watchBriefs({
    cwd,
    onEvent(event) {
      if (event.type === 'written' && waiting) waiting.times[event.format] ??= performance.now() - waiting.started;
      if (event.type === 'rebuilt' && waiting && event.reason === 'brief') waiting.done();
    },
  });
  const html = [];
  const pdf = [];
  try {
    const started = performance.now();
    await watch.ready;
    const firstBuild = (performance.now() - started) / 1000;
    for (let edit = 0; edit <= edits; edit++) {
      const times = {};
      await new Promise((done) => {
        waiting = { started: performance.now(), times, done };
        writeFileSync(brief, sample.replace(/^title: (.*)$/m, `title: $1 (edit ${edit})`));
      });
      waiting = undefined;
      if (edit === 0) continue; // warm-up
      html.push(times.html);
      pdf.push(times.pdf);
    }
    return [
      { label: 'first build on start (md, html, json, pdf)', value: firstBuild },
      { label: `edit → HTML written (median of ${edits})`, value: median(html), unit: 'ms', goal: '≤ 100 ms' },
      { label: `edit → PDF written (median of ${edits})`, value: median(pdf), unit: 'ms', goal: '≤ 350 ms' },
    ];
  } finally {
    await watch.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}
