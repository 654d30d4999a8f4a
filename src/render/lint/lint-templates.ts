/**
 * Template lint: parses every resolved template and checks each `{{path}}` against the view
 * schema of the context it sees, the helpers and partials it calls, and escaping in Markdown
 * templates. Problems are vfile messages on a VFile per template file, like a brief's.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import Handlebars from 'handlebars';
import { VFile } from 'vfile';
import { report } from '../../errors/report.js';
import { toTemplateError } from '../template-error.js';
import { layouts } from '../../model/schema.js';
import { mainTemplateName, resolvePartials, resolveTemplateFile, templateDirs, type TemplateFormat } from '../template-files.js';
import { viewSchemaFor } from '../view-schema.js';
import type { FieldDeclarations } from '../../config/fields.js';
import type { Program } from './ast.js';
import { helpersFor } from './helper-signatures.js';
import type { LintRun, TemplateFile } from './run.js';
import { walkProgram } from './statements.js';
import { unusedParts } from './unused.js';

export interface TemplateLintOptions {
  /** Templates folder that overrides the project's and the built-in ones. */
  templates?: string | undefined;
  /** Project directory (default: the current directory); paths in messages are relative to it. */
  cwd?: string | undefined;
  /** The project's declared front-matter fields: templates may read them as `meta.fields.<name>`. */
  fields?: FieldDeclarations | undefined;
}

function load(path: string, cwd: string, files: Map<string, TemplateFile>): TemplateFile {
  const known = files.get(path);
  if (known) return known;
  const source = readFileSync(path, 'utf8');
  const template: TemplateFile = { path, source, program: null, file: new VFile({ path: relative(cwd, path) || path, value: source }) };
  try {
    template.program = Handlebars.parse(source) as unknown as Program;
  } catch (error) {
    const problem = toTemplateError(error, path, source);
    const place = problem.line === undefined ? undefined : { line: problem.line, column: problem.column ?? 1 };
    const message = report(template.file, 'template-error', place, { reason: problem.reason });
    message.cause = problem;
  }
  files.set(path, template);
  return template;
}

/** Lints the templates that `options` resolve to; returns one VFile per template with problems. */
export function lintTemplates(options: TemplateLintOptions = {}): VFile[] {
  const cwd = options.cwd ?? process.cwd();
  const dirs = templateDirs({ templates: options.templates, cwd });
  const files = new Map<string, TemplateFile>();
  const partials = new Map(
    (['md', 'html'] as TemplateFormat[]).map((format) => [
      format,
      new Map([...resolvePartials(dirs, format)].map(([name, path]) => [name, load(path, cwd, files)])),
    ]),
  );
  // Each layout is a document of its own: a required part its templates never show is dropped from it.
  const unused: Array<{ anchor: TemplateFile; used: Set<string> }> = [];
  for (const layout of layouts) {
    const used = new Set<string>();
    let anchor: TemplateFile | undefined;
    for (const format of ['md', 'html'] as TemplateFormat[]) {
      const run: LintRun = {
        format,
        root: { kind: 'view', schemas: [viewSchemaFor(options.fields)], model: true, path: '' },
        helpers: helpersFor(format),
        partials: partials.get(format)!,
        dirs,
        used,
        visited: new Set(),
      };
      const path = resolveTemplateFile(dirs, mainTemplateName(format, layout));
      if (!path) continue;
      const template = load(path, cwd, files);
      if (format === 'html') anchor = template;
      walkProgram(run, template, template.program ?? undefined, [{ context: run.root, locals: new Map(), data: new Set() }]);
    }
    if (anchor) unused.push({ anchor, used });
  }
  // Unused parts are only meaningful when every template parsed (a broken one reads nothing).
  if ([...files.values()].every((template) => template.program)) {
    for (const { anchor, used } of unused) for (const path of unusedParts(used)) report(anchor.file, 'template-unused-field', undefined, { path });
  }
  return [...files.values()]
    .map((template) => template.file)
    .filter((file) => file.messages.length > 0)
    .sort((left, right) => left.path.localeCompare(right.path));
}
