/**
 * PDF speed (issue 5): N briefs (default 20, copies of the sample brief with their own ids)
 * printed, in the same run and at the same concurrency, by
 *   (a) briefsmith — the full build, md + html + pdf + json;
 *   (b) the Chrome floor — a bare puppeteer-core browser on the fastest headless shell printing
 *       briefsmith's own final HTML with setContent + pdf();
 *   (c) md-to-pdf (devDependency) on the same Markdown, on the system Chromium as its users run
 *       it — skipped, with a note, when /usr/bin/chromium is absent.
 * Each contender runs in its own process; wall time is spawn to exit, peak RSS the largest sum
 * over the process and its Chromium children. Best of `--runs=K` (default 2), interleaved.
 * Also: time to the first PDF of one brief from a cold `briefsmith build`, and the finishing
 * pass on its own beside its floor (bench/lib/finish.js).
 * Options: --briefs=N --runs=K --concurrency=C.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { measure } from './lib/measure.js';
import { eightPageBrief } from './lib/eight-page.js';
import { finishRows } from './lib/finish.js';

export const title = 'PDF: briefsmith vs the Chrome floor vs md-to-pdf';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const fullChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path));

function setUp(count, sample) {
  const cwd = mkdtempSync(join(tmpdir(), 'bs-bench-pdf-'));
  for (const dir of ['briefs', 'html', 'md', 'out-briefsmith', 'out-floor', 'one']) mkdirSync(join(cwd, dir));
  for (let index = 0; index < count; index++) {
    const text = sample.replace(/^id: .*$/m, `id: bench-pdf-${String(index).padStart(3, '0')}`).replace(/^title: (.*)$/m, `title: $1 (${index + 1})`);
    writeFileSync(join(cwd, 'briefs', `b${index}.md`), text);
    writeFileSync(join(cwd, 'md', `b${index}.md`), text);
  }
  writeFileSync(join(cwd, 'one', 'one.md'), sample);
  return cwd;
}

export async function run() {
  const sample = readFileSync(join(root, 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');
  const rows = await runSet(sample, '');
  if (!process.argv.includes('--sample-only')) {
    console.log('');
    rows.push(...(await runSet(eightPageBrief(sample), '8-page: ')));
  }
  console.log('');
  rows.push(...(await finishRows(root)));
  return rows;
}

async function runSet(sample, prefix) {
  const count = option('briefs', 20);
  const runs = option('runs', 3);
  const concurrency = option('concurrency', availableParallelism());
  const { parseBrief, validateBrief, renderBrief } = await import(join(root, 'dist', 'index.js'));
  const cwd = setUp(count, sample);
  try {
    // The floor prints exactly the HTML briefsmith prints: the HTML output with the soft hyphens
    // added for print (briefsmith keeps the fonts loaded in its page; the floor loads them each time).
    const { hyphenateHtml } = await import(join(root, 'dist', 'render', 'hyphenate.js'));
    const html = [];
    for (let index = 0; index < count; index++) {
      const path = join(cwd, 'briefs', `b${index}.md`);
      const { brief } = validateBrief(parseBrief(readFileSync(path, 'utf8'), { path }));
      html.push(join(cwd, 'html', `b${index}.html`));
      writeFileSync(html.at(-1), hyphenateHtml(await renderBrief(brief, 'html'), brief.meta.lang));
    }
    const worker = join(root, 'bench', 'lib', 'pdf-worker.js');
    const configFor = (name, extra) => {
      const path = join(cwd, `${name}.json`);
      writeFileSync(path, JSON.stringify({ root, cwd, concurrency, ...extra }));
      return path;
    };
    const briefsmithConfig = configFor('briefsmith', { briefs: join(cwd, 'briefs'), out: join(cwd, 'out-briefsmith'), formats: ['md', 'html', 'pdf', 'json'] });
    const floorConfig = configFor('floor', { html, out: join(cwd, 'out-floor') });
    const mdToPdf = createRequire(import.meta.url).resolve('md-to-pdf/dist/cli.js');
    const launch = JSON.stringify({ executablePath: fullChromium, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    const mdFiles = Array.from({ length: count }, (_, index) => join(cwd, 'md', `b${index}.md`));

    const best = { briefsmith: null, floor: null, mdToPdf: null };
    let mdToPdfError = null;
    const keep = (name, result) => {
      if (!best[name] || result.seconds < best[name].seconds) best[name] = result;
    };
    for (let round = 0; round < runs; round++) {
      keep('briefsmith', await measure(process.execPath, [worker, 'briefsmith', briefsmithConfig]));
      keep('floor', await measure(process.execPath, [worker, 'floor', floorConfig]));
      if (fullChromium) {
        // md-to-pdf opens every file at once and now and then fails a run (its 30 s navigation
        // timeout, a closed target): a failed round is skipped, and reported only if all fail.
        try {
          keep('mdToPdf', await measure(process.execPath, [mdToPdf, '--launch-options', launch, ...mdFiles], { cwd }));
        } catch (error) {
          mdToPdfError = error.message.slice(-300);
        }
      }
    }
    const cold = await measure(
      process.execPath,
      [join(root, 'bin', 'briefsmith.js'), 'build', join(cwd, 'one', 'one.md'), '--format', 'pdf', '--out', join(cwd, 'one', 'out'), '--force'],
      { cwd },
    );

    const rows = [];
    const describe = (name, label) => {
      const result = best[name];
      rows.push({ label: `${label}, ${count} briefs`, value: result.seconds, unit: 's' });
      rows.push({ label: `  ${label.slice(0, 3)} per brief`, value: (result.seconds * 1000) / count, unit: 'ms' });
      if (result.rssMb !== null) rows.push({ label: `  ${label.slice(0, 3)} peak RSS (process + Chromium)`, value: result.rssMb, unit: 'MB' });
    };
    describe('briefsmith', '(a) briefsmith md+html+pdf+json');
    describe('floor', '(b) Chrome floor, setContent + pdf()');
    if (best.mdToPdf) describe('mdToPdf', '(c) md-to-pdf 5 on full Chromium');
    else
      console.log(
        fullChromium ? `(c) md-to-pdf failed: ${mdToPdfError}` : '(c) md-to-pdf skipped: no full Chromium at /usr/bin/chromium (apt-get install chromium).',
      );
    rows.push({ label: 'briefsmith / Chrome floor', value: best.briefsmith.seconds / best.floor.seconds, unit: 'x', goal: '≤ 1.50×' });
    if (best.mdToPdf)
      rows.push({ label: 'md-to-pdf / briefsmith (speed-up)', value: best.mdToPdf.seconds / best.briefsmith.seconds, unit: 'x', goal: '≥ 3.00×' });
    rows.push({ label: 'time to first PDF, one brief, cold `briefsmith build`', value: cold.seconds, unit: 's' });
    console.log(
      `${prefix}${count} briefs of ${await pagesOf(join(cwd, 'out-briefsmith', 'bench-pdf-000.pdf'))} pages, concurrency ${concurrency}, best of ${runs}`,
    );
    return rows.map((row) => ({ ...row, label: `${prefix}${row.label}` }));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

async function pagesOf(path) {
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(readFileSync(path), { updateMetadata: false })).getPageCount();
}
