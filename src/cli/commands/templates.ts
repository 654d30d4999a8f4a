/** `briefsmith templates list|eject|lint`: see, copy and check the templates a project uses. */
import { relative } from 'node:path';
import { projectSettings } from '../project-config.js';
import { formatProblems, problemsOf } from '../../errors/format.js';
import { ejectTemplates, matchTemplates, resolvedTemplates } from '../../render/eject.js';
import { lintTemplates } from '../../render/lint/lint-templates.js';
import { projectTemplatesDir, templateDirs } from '../../render/template-files.js';
import { parseString, UsageError } from '../flags.js';

const actions = ['list', 'eject', 'lint'];

/** Runs a templates action and returns the exit code. */
export async function runTemplates(action: string | undefined, name: string | undefined, flags: Record<string, unknown>): Promise<number> {
  const cwd = process.cwd();
  const { templates, config } = await projectSettings(parseString('templates', flags.templates), cwd);
  switch (action) {
    case 'list': {
      const dirs = templateDirs({ templates, cwd });
      process.stdout.write(`Resolution order: ${dirs.map((dir) => relative(cwd, dir) || '.').join(' → ')}\n`);
      for (const entry of resolvedTemplates(dirs)) {
        process.stdout.write(`${entry.name.padEnd(32)} ${entry.overridden ? relative(cwd, entry.path) : '(built-in)'}\n`);
      }
      return 0;
    }
    case 'eject': {
      const files = matchTemplates(name);
      if (files.length === 0) throw new UsageError(`No built-in template \`${name}\`; \`briefsmith templates list\` shows them all`);
      const target = projectTemplatesDir(cwd);
      const result = ejectTemplates(files, target, flags.force === true);
      for (const path of result.written) process.stdout.write(`wrote ${relative(cwd, path)}\n`);
      for (const path of result.kept) process.stderr.write(`kept ${relative(cwd, path)} (it exists; --force overwrites it)\n`);
      process.stdout.write(
        `Ejected ${result.written.length} of ${files.length} template file${files.length === 1 ? '' : 's'} into ${relative(cwd, target) || '.'}/\n`,
      );
      return 0;
    }
    case 'lint': {
      const problems = problemsOf(lintTemplates({ templates, cwd, fields: config.fields }));
      process.stdout.write(formatProblems(problems, 'human', 0).replace(/ in 0 briefs\n$/, ' in the templates\n'));
      return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
    }
    default:
      throw new UsageError(`Unknown templates action \`${action ?? ''}\`, expected ${actions.join(', ')}`);
  }
}
