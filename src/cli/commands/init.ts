/** `briefsmith init [dir]`: a briefs repository of its own (see src/scaffold/init-project.ts). */
import { basename, join, relative, resolve } from 'node:path';
import { metaSchema } from '../../model/schema.js';
import { initProject } from '../../scaffold/init-project.js';
import { packageName } from '../../scaffold/package-json.js';
import { nodeRange, version } from '../../version.js';
import { parseString, UsageError } from '../flags.js';

/** Writes the repository and says what comes next; existing files are a usage error (exit 2). */
export async function runInit(dir: string | undefined, flags: Record<string, unknown>): Promise<number> {
  const folder = resolve(dir ?? '.');
  const date = parseString('date', flags.date) ?? new Date().toISOString().slice(0, 10);
  if (!metaSchema.shape.date.safeParse(date).success) throw new UsageError(`--date expects a date as YYYY-MM-DD, got \`${date}\``);
  const dependency = parseString('dependency', flags.dependency) ?? `^${version}`;
  const example = flags.example !== false;
  const result = await initProject(folder, { name: packageName(basename(folder)), dependency, node: nodeRange, date, example, force: flags.force === true });
  const shown = (path: string) => relative(process.cwd(), join(folder, path)) || '.';
  for (const path of result.written) {
    process.stdout.write(`${path === 'package.json' && result.packageJsonExisted ? 'updated' : 'wrote'} ${shown(path)}\n`);
  }
  const into = relative(process.cwd(), folder);
  process.stdout.write(`Next: ${into ? `cd ${into} && ` : ''}npm install, then npm run check and npm run build (README.md says more).\n`);
  if (example) process.stdout.write(`The example brief's TODOs are warnings: check passes now; CI (--max-warnings 0) fails until they are filled in.\n`);
  return 0;
}
