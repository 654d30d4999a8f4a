/**
 * The `briefsmith` command: a thin shell over the library. The only module that prints or exits.
 * Exit codes: 0 ok, 1 content errors, 2 usage or environment errors, 130/143 on SIGINT/SIGTERM.
 */
import { cac } from 'cac';
import { version } from '../version.js';
import { fail } from './exit.js';
import { UsageError } from './flags.js';
import { withBuildOptions, withLimitOptions } from './command-options.js';

const cli = cac('briefsmith');

/** A command's module, imported once the first worker has been started beside it (early-workers.ts). */
async function warmed<Module>(flags: Record<string, unknown>, load: () => Promise<Module>): Promise<Module> {
  await (await import('./early-workers.js')).warmWorkers(flags);
  return load();
}

withBuildOptions(cli.command('build [...paths]', 'Build briefs (files or folders, default briefs/) into out/'))
  .option('--site', 'Site mode: pages link fonts and stylesheet written once under <out>/assets/ (default: standalone pages)')
  .option('--base-url <url>', "Absolute URL the out dir is published at, for the Atom feed's links")
  .option('--shard <i/N>', 'Build only part i of N (stable by source path) and write a manifest fragment for `briefsmith merge`')
  .option('--max-warnings <n>', 'Exit 1 when there are more than n warnings (outputs are still written)')
  .example('briefsmith build briefs/ --format html,pdf')
  .example('briefsmith build briefs/ --site --shard 2/4 --out shards/2')
  .example('briefsmith build --since previous/manifest.json')
  .action(async (paths: string[], flags: Record<string, unknown>) => (await warmed(flags, () => import('./commands/build.js'))).runBuild(paths, flags));

cli
  .command('merge [...shards]', 'Merge the out dirs of `build --shard i/N` (all of 1..N) into one site: outputs, manifest, index, feed, search')
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .option('--base-url <url>', "Absolute URL the out dir is published at, for the Atom feed's links")
  .option('--lock-timeout <seconds>', 'How long to wait for another build using the same out dir (default 60)')
  .example('briefsmith merge shards/1 shards/2 shards/3 --out out')
  .action(async (shards: string[], flags: Record<string, unknown>) => (await import('./commands/merge.js')).runMerge(shards, flags));

withLimitOptions(cli.command('check [...paths]', 'Parse and validate briefs without rendering; print every problem'))
  .option('--max-warnings <n>', 'Exit 1 when there are more than n warnings (0: any warning fails, as in CI)')
  .option('--sources-dir <dir>', 'Verify quotes against the source texts in this folder')
  .option('--reporter <name>', 'human, json or github', { default: 'human' })
  .option('--templates <dir>', 'Templates folder to lint (default: briefsmith.config.json, then templates/, then built-in)')
  .example('briefsmith check briefs/ --sources-dir ../shared/sources')
  .action(async (paths: string[], flags: Record<string, unknown>) => (await warmed(flags, () => import('./commands/check.js'))).runCheck(paths, flags));

cli
  .command('doctor', 'Show the Chromium that would print PDFs, its version, and the bundled fonts')
  .option('--chrome <path>', 'Chromium or headless shell binary to try')
  .action(async (flags: Record<string, unknown>) => (await import('./commands/doctor.js')).runDoctor(flags));

cli
  .command('templates <action> [name]', 'Templates: `list` (which file wins), `eject [name]` (copy built-ins into templates/), `lint`')
  .option('--templates <dir>', 'Templates folder that overrides the project and built-in templates')
  .option('--force', 'eject: overwrite files that already exist')
  .example('briefsmith templates eject reactions')
  .example('briefsmith templates lint')
  .action(async (action: string, name: string | undefined, flags: Record<string, unknown>) =>
    (await import('./commands/templates.js')).runTemplates(action, name, flags),
  );

withBuildOptions(cli.command('watch [...paths]', 'Rebuild on every change of a brief, template, partial or CSS; print the check results each time'))
  .example('briefsmith watch briefs/ --format html,pdf')
  .action(async (paths: string[], flags: Record<string, unknown>) => (await warmed(flags, () => import('./commands/watch.js'))).runWatch(paths, flags));

withBuildOptions(cli.command('serve [...paths]', 'Watch, and serve out/ on 127.0.0.1 with live reload of the HTML view'))
  .option('--port <n>', 'Port on 127.0.0.1 (0: any free port)', { default: 4173 })
  .example('briefsmith serve --port 8080')
  .action(async (paths: string[], flags: Record<string, unknown>) => (await warmed(flags, () => import('./commands/serve.js'))).runServe(paths, flags));

cli
  .command('new <id>', 'Write briefs/<id>.md: a skeleton with every section and directive once, to fill in')
  .option('--title <title>', "The brief's title")
  .option('--date <date>', "The brief's date, YYYY-MM-DD (default: today)")
  .option('--dir <dir>', 'Folder to write into', { default: 'briefs' })
  .option('--force', 'Overwrite an existing file')
  .example('briefsmith new syria-2025-11 --title "Syria in November"')
  .action(async (id: string, flags: Record<string, unknown>) => (await import('./commands/new.js')).runNew(id, flags));

cli
  .command('init [dir]', 'Write a briefs repository into dir (default: here): config, an example brief, templates/, CI workflow, README')
  .option('--dependency <spec>', 'What package.json depends on when it names no briefsmith yet: a tarball, a git URL (default: ^<this version>)')
  .option('--date <date>', "The example brief's date, YYYY-MM-DD (default: today)")
  .option('--no-example', 'Leave out briefs/example.md (for a repository that brings its own briefs)')
  .option('--force', 'Overwrite files that exist (package.json is extended, never replaced)')
  .example('briefsmith init unit-briefs')
  .example('briefsmith init --dependency file:vendor/briefsmith-0.1.0.tgz')
  .action(async (dir: string | undefined, flags: Record<string, unknown>) => (await import('./commands/init.js')).runInit(dir, flags));

cli
  .command('schema', 'Print the JSON Schema of the briefing model (what out/<id>.json holds)')
  .action(async () => (await import('./commands/schema.js')).runSchema());

cli.help();
cli.version(version);

async function main(): Promise<void> {
  // `briefsmith templates list | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  try {
    cli.parse(process.argv, { run: false });
    if (cli.options.help) return;
    if (cli.options.version) {
      // cac prints the version only without a command; `briefsmith build --version` should too.
      if (cli.matchedCommand) process.stdout.write(`briefsmith/${version} ${process.platform}-${process.arch} node-${process.version}\n`);
      return;
    }
    if (!cli.matchedCommand) {
      if (cli.args.length > 0) throw new UsageError(`Unknown command \`${cli.args[0]}\`. Run \`briefsmith --help\`.`);
      cli.outputHelp();
      return;
    }
    process.exitCode = await cli.runMatchedCommand();
  } catch (error) {
    fail(error);
  }
}

await main();
