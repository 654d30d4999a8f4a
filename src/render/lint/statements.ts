/**
 * Walks a template's statements, tracking the context each part of it sees: `#each` and
 * `#with` move into a field, partials inherit the caller's context (or the one passed to them),
 * and `{{> (lookup this "partial")}}` is linted once per kind of block it can render.
 */
import { didYouMean, listOf } from '../../errors/report.js';
import type { BlockStatement, MustacheStatement, PartialStatement, Program, Statement } from './ast.js';
import { callHelper, evaluate, isHelperName, resolvePath } from './expressions.js';
import { placeOf, reportAt, type LintRun, type Scope, type TemplateFile } from './run.js';
import { elementOf, isModelText, partialVariants, typeOf, unknownValue, type Value } from './values.js';

const schemaIds = new WeakMap<object, number>();
let nextSchemaId = 0;
function idOf(schema: object): number {
  const known = schemaIds.get(schema);
  if (known !== undefined) return known;
  nextSchemaId += 1;
  schemaIds.set(schema, nextSchemaId);
  return nextSchemaId;
}
const signatureOf = (value: Value) => (value.kind === 'view' ? value.schemas.map(idOf).join(',') : value.kind);

/** Lints `program` of `template` with `stack` as its contexts (innermost last). */
export function walkProgram(run: LintRun, template: TemplateFile, program: Program | undefined, stack: readonly Scope[]): void {
  for (const statement of program?.body ?? []) walkStatement(run, template, statement, stack);
}

function walkStatement(run: LintRun, template: TemplateFile, statement: Statement, stack: readonly Scope[]): void {
  switch (statement.type) {
    case 'MustacheStatement':
      checkOutput(run, template, statement, mustacheValue(run, template, statement, stack));
      break;
    case 'BlockStatement':
      walkBlock(run, template, statement, stack);
      break;
    case 'PartialStatement':
    case 'PartialBlockStatement':
      walkPartial(run, template, statement, stack);
      break;
    default:
      break;
  }
}

function mustacheValue(run: LintRun, template: TemplateFile, mustache: MustacheStatement, stack: readonly Scope[]): Value {
  const path = mustache.path;
  if (path.type !== 'PathExpression') return evaluate(run, template, path, stack);
  const hasArguments = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
  if (hasArguments || isHelperName(run, path)) return callHelper(run, template, { ...mustache, path }, stack);
  return resolvePath(run, template, path, stack);
}

/** Markdown templates must escape model text; no template may triple-stash it. */
function checkOutput(run: LintRun, template: TemplateFile, mustache: MustacheStatement, value: Value): void {
  const path = mustache.path.type === 'PathExpression' ? mustache.path.original : 'value';
  const text = isModelText(value) || value.kind === 'text';
  const place = placeOf(mustache.loc);
  if (!mustache.escaped && (run.format === 'md' ? value.kind !== 'literal' && value.kind !== 'escaped' : text)) {
    const expected = run.format === 'md' ? '`{{md …}}`, `{{rich …}}` or another escaping helper' : '`{{…}}` (escaped) or `{{rich …}}`';
    reportAt(template, 'template-unescaped', place, { what: 'triple-stash of', path, expected });
  } else if (mustache.escaped && run.format === 'md' && text) {
    reportAt(template, 'template-unescaped', place, {
      what: 'unescaped model text',
      path,
      expected: '`{{md …}}`, `{{md-cell …}}`, `{{rich …}}`, `{{inline …}}` or another escaping helper',
    });
  }
}

const scope = (context: Value, names: readonly string[] = [], values: Value[] = [], data: string[] = []): Scope => ({
  context,
  locals: new Map(names.map((name, index) => [name, values[index] ?? unknownValue])),
  data: new Set(data),
});

function walkBlock(run: LintRun, template: TemplateFile, block: BlockStatement, stack: readonly Scope[]): void {
  const name = block.path.original;
  const params = block.program?.blockParams ?? [];
  const builtin = ['each', 'with', 'if', 'unless'].includes(name) && block.path.parts.length === 1;
  const helper = !builtin && isHelperName(run, block.path);
  let value = unknownValue;
  if (builtin)
    block.params.forEach((parameter, index) => {
      const result = evaluate(run, template, parameter, stack);
      if (index === 0) value = result;
    });
  else if (helper) callHelper(run, template, block, stack);
  // Not a helper: a mustache section, `{{#list}}…{{/list}}` iterates a list or enters an object.
  else value = resolvePath(run, template, block.path, stack);
  const iterates = name === 'each' || (!builtin && !helper && value.kind === 'view' && value.schemas.some((schema) => typeOf(schema) === 'array'));
  if (iterates) {
    const item = elementOf(value);
    walkProgram(run, template, block.program, [...stack, scope(item, params, [item, unknownValue], ['index', 'key', 'first', 'last'])]);
  } else if (name === 'with' || (!builtin && !helper)) {
    walkProgram(run, template, block.program, [...stack, scope(value, params, [value])]);
  } else {
    walkProgram(run, template, block.program, stack);
  }
  walkProgram(run, template, block.inverse, stack);
}

function walkPartial(run: LintRun, template: TemplateFile, partial: PartialStatement, stack: readonly Scope[]): void {
  const current = stack.at(-1)!;
  const context = partial.params[0] ? evaluate(run, template, partial.params[0], stack) : current.context;
  const hash = partial.hash?.pairs ?? [];
  const hashValues = hash.map((pair) => evaluate(run, template, pair.value, stack));
  const inner = (value: Value) => [
    ...stack.slice(0, -1),
    scope(
      value,
      hash.map((pair) => pair.key),
      hashValues,
    ),
  ];
  const name = partial.name;
  if (name.type === 'PathExpression') {
    lintPartial(run, template, name.original, placeOf(name.loc), inner(context));
    return;
  }
  // A dynamic partial: `(lookup this "partial")` picks the partial named by a literal field.
  const [target, key] = name.params;
  const isLookup = name.path.original === 'lookup' && target && key?.type === 'StringLiteral';
  const variants = isLookup ? partialVariants(evaluate(run, template, target, stack), String(key.value)) : [];
  if (!isLookup) callHelper(run, template, name, stack);
  for (const variant of variants) lintPartial(run, template, variant.name, placeOf(name.loc), inner(variant.context));
}

function lintPartial(run: LintRun, caller: TemplateFile, name: string, place: ReturnType<typeof placeOf>, stack: readonly Scope[]): void {
  const partial = run.partials.get(name);
  if (!partial) {
    const names = [...run.partials.keys()].sort();
    reportAt(caller, 'template-unknown-partial', place, { name, expected: listOf(names), suggestion: didYouMean(name, names) });
    return;
  }
  const top = stack.at(-1)!;
  const key = `${partial.path}\0${stack.length}\0${signatureOf(top.context)}\0${[...top.locals.keys()].join(',')}`;
  if (run.visited.has(key) || stack.length > 32 || !partial.program) return;
  run.visited.add(key);
  walkProgram(run, partial, partial.program, stack);
}
