/**
 * One cold build in a process of its own, for the pipeline bench: `node build-child.js <cwd>
 * [threads]` builds `<cwd>/briefs` to md + html + json and prints one JSON line: seconds, files
 * written, briefs parsed (not served from the model cache) and the process's peak RSS. Like the
 * CLI, it keeps no model in the result (`keepModels: false`).
 */
import { join } from 'node:path';
import { resourceUsage } from 'node:process';

const [cwd, threads] = process.argv.slice(2);
const { buildBriefs } = await import(join(import.meta.dirname, '..', '..', 'dist', 'index.js'));
const started = performance.now();
const result = await buildBriefs({ cwd, formats: ['md', 'html', 'json'], keepModels: false, ...(threads === undefined ? {} : { threads: Number(threads) }) });
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    seconds,
    written: result.written.length,
    parsed: result.parsed.length,
    failures: result.failures.length,
    peakRssMb: resourceUsage().maxRSS / 1024,
  }),
);
