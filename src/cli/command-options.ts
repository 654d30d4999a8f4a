/** The options commands share, declared once for cac: where to write, how to build, the limits. */
import type { CAC } from 'cac';
import { limitFlags } from './limits.js';

type Command = ReturnType<CAC['command']>;

/** Where and how to render: shared by every command that writes outputs. */
function withOutputOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'Output folder', { default: 'out' })
    .option('--format <list>', 'Comma-separated formats: md,html,pdf,json,docx', { default: 'md,html,pdf,json,docx' })
    .option('--templates <dir>', 'Templates folder that overrides the project and built-in templates')
    .option('--chrome <path>', 'Chromium or headless shell binary to print PDFs with');
}

/** Every option of a build, shared by `build`, `watch` and `serve` (they build the same way). */
export function withBuildOptions(command: Command): Command {
  return withLimitOptions(withOutputOptions(command))
    .option('--sources-dir <dir>', 'Verify quotes against the source texts in this folder')
    .option('--concurrency <n>', 'Pages printing at once; without PDFs, briefs in flight (default: CPU count)')
    .option(
      '--threads <n>',
      'Workers (processes) that parse and render, each brief under --max-seconds and --max-memory (default: CPU count − 1 from 4 cores, else 1; 0: all on one thread, without those limits)',
    )
    .option('--paper <size>', "Paper for HTML and PDF: a4 or letter (default: each brief's `paper`, else a4)")
    .option('--cache-dir <dir>', 'Build cache folder (default: <out>/.cache)')
    .option('--force', 'Rebuild every brief, ignoring the cache')
    .option('--since <dir|manifest>', 'Previous out dir or manifest.json: add "Changes since <date>" to each brief')
    .option('--lock-timeout <seconds>', 'How long to wait for another build using the same out dir (default 60)');
}

/** The --max-* limits (parse, time, memory), shared by every command that reads briefs. */
export function withLimitOptions(command: Command): Command {
  for (const [flag, description] of limitFlags) command.option(flag, description);
  return command;
}
