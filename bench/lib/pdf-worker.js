/**
 * One contender of the PDF benchmark, run in its own process so its memory (with Chromium's
 * processes) is measured apart: `node pdf-worker.js <briefsmith|floor> <config.json>`.
 * Prints one JSON line: { ms } — wall time from before launching the browser to the last PDF.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [contender, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const dist = await import(join(config.root, 'dist', 'index.js'));
const started = performance.now();

if (contender === 'briefsmith') {
  const result = await dist.buildBriefs({
    paths: [config.briefs],
    outDir: config.out,
    cwd: config.cwd,
    concurrency: config.concurrency,
    force: true,
    formats: config.formats,
    ...(config.threads === undefined ? {} : { threads: config.threads }),
  });
  if (result.failures.length > 0) throw result.failures[0].error;
} else if (contender === 'floor') {
  // The Chrome floor: a bare puppeteer-core browser on the fastest headless shell, printing
  // briefsmith's own HTML with setContent + pdf() and the same print options briefsmith asks for.
  const { default: puppeteer } = await import('puppeteer-core');
  const chrome = await dist.locateChrome();
  const htmls = config.html.map((path) => readFileSync(path, 'utf8'));
  const browser = await puppeteer.launch({ executablePath: chrome.path, headless: chrome.headless, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  let next = 0;
  await Promise.all(
    Array.from({ length: config.concurrency }, async () => {
      const page = await browser.newPage();
      while (next < htmls.length) {
        const index = next++;
        await page.setContent(htmls[index], { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true });
        writeFileSync(join(config.out, `floor-${index}.pdf`), pdf);
      }
    }),
  );
  await browser.close();
} else {
  throw new Error(`unknown contender ${contender}`);
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`);
