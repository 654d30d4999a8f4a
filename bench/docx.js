/**
 * Word output (issue 17): what `docx` adds to a build. Twenty copies of the sample brief are built
 * in-process (dist/, forced, one thread) to md + html + json, then to the same plus docx,
 * alternating three times (medians); the difference a brief is the goal's figure. The last row
 * renders the sample's .docx alone, warm, from its validated model.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'Word output (docx)';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const samplePath = join(root, 'briefs', 'sharaa-moscow-2025-10.md');
const sample = readFileSync(samplePath, 'utf8');
const count = 20;
const median = (values) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];

export async function run() {
  const { buildBriefs, parseBrief, validateBrief, renderBrief } = await import(join(root, 'dist', 'index.js'));
  const cwd = mkdtempSync(join(tmpdir(), 'bs-bench-docx-'));
  mkdirSync(join(cwd, 'briefs'));
  for (let index = 0; index < count; index++) writeFileSync(join(cwd, 'briefs', `b${index}.md`), sample.replace(/^id: .*$/m, `id: docx-${index}`));
  const env = { SOURCE_DATE_EPOCH: '1761609600' };
  const build = async (formats) => {
    const started = performance.now();
    await buildBriefs({ cwd, paths: ['briefs'], formats, force: true, threads: 0, env });
    return performance.now() - started;
  };
  try {
    await build(['md', 'html', 'json', 'docx']); // load every stage once
    const without = [];
    const withDocx = [];
    for (let round = 0; round < 3; round++) {
      without.push(await build(['md', 'html', 'json']));
      withDocx.push(await build(['md', 'html', 'json', 'docx']));
    }
    const brief = validateBrief(parseBrief(sample, { path: samplePath })).brief;
    const alone = [];
    for (let round = 0; round < 7; round++) {
      const started = performance.now();
      await renderBrief(brief, 'docx', { env, cwd });
      alone.push(performance.now() - started);
    }
    return [
      { label: `md+html+json, ${count} sample briefs`, value: median(without) / 1000 },
      { label: `md+html+json+docx, ${count} sample briefs`, value: median(withDocx) / 1000 },
      { label: 'docx added a brief', value: (median(withDocx) - median(without)) / count, unit: 'ms', goal: '≤ 100 ms' },
      { label: 'sample .docx rendered alone (warm)', value: median(alone), unit: 'ms' },
    ];
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
