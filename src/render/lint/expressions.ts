/**
 * Evaluates template expressions against the view schema: paths (`a.b`, `../x`, `@root.y`,
 * `this`), helper calls and sub-expressions. Unknown fields, helpers and bad arguments are
 * reported; the result says what the expression may hold.
 */
import { assetProblem } from '../assets.js';
import { didYouMean, listOf } from '../../errors/report.js';
import type { Expression, Location, PathExpression, SubExpression, Hash } from './ast.js';
import { placeOf, reportAt, type LintRun, type Scope, type TemplateFile } from './run.js';
import { describeValue, elementOf, fieldsOf, property, typeOf, unknownValue, type Value } from './values.js';
import { modelPathOf } from '../view-schema.js';

const dataVariables = new Set(['root', 'index', 'key', 'first', 'last']);

/** Column offset of `parts[index]` within the path's source text. */
function partOffset(path: PathExpression, index: number): number {
  let at = 0;
  for (let part = 0; part <= index; part += 1) {
    const found = path.original.indexOf(path.parts[part]!, at);
    if (found === -1) return 0;
    at = part === index ? found : found + path.parts[part]!.length;
  }
  return at;
}

const explicitThis = (path: PathExpression) => /^(this|\.)([./]|$)/.test(path.original);

/** The value `path` names in `stack`; reports the first segment that does not exist. */
export function resolvePath(run: LintRun, template: TemplateFile, path: PathExpression, stack: readonly Scope[]): Value {
  let parts = path.parts;
  let value: Value;
  const scope = stack[stack.length - 1 - path.depth];
  if (path.data) {
    const head = parts[0] ?? '';
    if (head === 'root') value = run.root;
    else if (dataVariables.has(head) || scope?.data.has(head)) return unknownValue;
    else {
      const place = placeOf(path.loc, { from: path.loc.start.column, length: path.original.length });
      reportAt(template, 'template-unknown-field', place, {
        field: `@${head}`,
        where: ` in \`${path.original}\``,
        expected: listOf([...dataVariables].map((name) => `@${name}`)),
        suggestion: didYouMean(head, [...dataVariables]),
      });
      return unknownValue;
    }
    parts = parts.slice(1);
  } else if (!scope) {
    return unknownValue;
  } else if (path.depth === 0 && !explicitThis(path) && parts[0] !== undefined && scope.locals.has(parts[0])) {
    value = scope.locals.get(parts[0])!;
    parts = parts.slice(1);
  } else {
    value = scope.context;
  }
  const skipped = path.parts.length - parts.length;
  for (const [index, part] of parts.entries()) {
    const next = property(value, part, (used) => run.used.add(used));
    if (next === undefined) {
      const fields = fieldsOf(value);
      const place = placeOf(path.loc, { from: path.loc.start.column + partOffset(path, index + skipped), length: part.length });
      reportAt(template, 'template-unknown-field', place, {
        field: part,
        where: path.original === part ? '' : ` in \`${path.original}\``,
        expected: expectedFields(value, fields),
        suggestion: didYouMean(part, fields),
      });
      return unknownValue;
    }
    value = next;
  }
  return value;
}

/** The value of any expression: a path, a literal or a helper call. */
export function evaluate(run: LintRun, template: TemplateFile, expression: Expression, stack: readonly Scope[]): Value {
  switch (expression.type) {
    case 'PathExpression':
      return resolvePath(run, template, expression, stack);
    case 'SubExpression':
      return callHelper(run, template, expression, stack);
    default:
      return { kind: 'literal', value: 'value' in expression ? expression.value : undefined };
  }
}

/** True when `{{name}}` without arguments calls a helper rather than reading a field. */
export function isHelperName(run: LintRun, path: PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1 && !explicitThis(path) && Object.hasOwn(run.helpers, path.parts[0]!);
}

function checkArgument(_run: LintRun, template: TemplateFile, name: string, kind: string, value: Value, location: Location): void {
  if (value.kind !== 'view' || kind === 'any') return;
  const kinds = value.schemas.map(typeOf);
  const fits = kind === 'list' ? kinds.includes('array') : kinds.some((type) => ['string', 'enum', 'literal'].includes(type));
  if (!fits)
    reportAt(template, 'template-helper-arguments', placeOf(location), { name, received: describeValue(value), expected: kind === 'list' ? 'a list' : 'text' });
}

/** Checks a helper call (`{{md title}}`, `(lookup items 0)`) and returns what it gives back. */
export function callHelper(
  run: LintRun,
  template: TemplateFile,
  call: SubExpression | { path: PathExpression; params: Expression[]; hash?: Hash; loc: Location },
  stack: readonly Scope[],
): Value {
  const name = call.path.original;
  const values = call.params.map((parameter) => evaluate(run, template, parameter, stack));
  for (const pair of call.hash?.pairs ?? []) evaluate(run, template, pair.value, stack);
  const signature = run.helpers[name];
  if (!signature || call.path.parts.length !== 1 || call.path.data) {
    const names = Object.keys(run.helpers).sort();
    reportAt(template, 'template-unknown-helper', placeOf(call.path.loc), { name, expected: listOf(names), suggestion: didYouMean(name, names) });
    return unknownValue;
  }
  const kinds = signature.arguments;
  if (!kinds) return unknownValue;
  const required = kinds.length - (signature.optional ?? 0);
  if (values.length < required || values.length > kinds.length) {
    const count = (total: number) => `${total} argument${total === 1 ? '' : 's'}`;
    const expected = required === kinds.length ? count(required) : `${required} to ${count(kinds.length)}`;
    reportAt(template, 'template-helper-arguments', placeOf(call.loc), { name, received: count(values.length), expected });
  }
  for (const [index, value] of values.entries()) checkArgument(run, template, name, kinds[index] ?? 'any', value, call.params[index]!.loc);
  if (name === 'asset' && values[0]?.kind === 'literal' && typeof values[0].value === 'string') {
    const problem = assetProblem(run.dirs, values[0].value);
    if (problem) reportAt(template, 'template-asset', placeOf(call.params[0]!.loc), { name: values[0].value, problem });
  }
  if (name === 'lookup') return lookup(run, values[0], values[1]);
  if (name === 'join') return { kind: 'text', path: values[0]?.kind === 'view' ? values[0].path : name };
  return signature.escapes ? { kind: 'escaped' } : unknownValue;
}

/** `lookup` is not strict at run time: a missing key gives undefined, so it is never reported. */
function lookup(run: LintRun, target: Value | undefined, key: Value | undefined): Value {
  if (!target) return unknownValue;
  if (key?.kind === 'literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return property(target, String(key.value), (used) => run.used.add(used)) ?? unknownValue;
  }
  return elementOf(target);
}

/** The fields an unknown one could have been; `meta.fields` says where its names come from. */
function expectedFields(value: Value, fields: readonly string[]): string {
  const declared = value.kind === 'view' && value.schemas.some((schema) => modelPathOf.get(schema) === 'meta.fields');
  if (declared) return `${fields.length > 0 ? listOf(fields) : 'nothing'} (\`meta.fields\` holds the fields \`fields\` in briefsmith.config.json declares)`;
  return fields.length > 0 ? listOf(fields) : `nothing (${describeValue(value)} has no fields)`;
}
