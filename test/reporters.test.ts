/** `check --reporter json|github`: the exact output tools and GitHub Actions read. */
import { describe, expect, it } from 'vitest';
import { formatProblems, type Problem } from '../src/index.js';
import { runCli } from './helpers/cli.js';

const problems: Problem[] = [
  {
    file: 'briefs/a, b.md',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 12,
    severity: 'error',
    ruleId: 'invalid-value',
    message: 'Unexpected `x`, expected `y`: 100% sure\nsecond line',
    hint: 'Use `y`.',
  },
  {
    file: 'briefs/c.md',
    line: 1,
    column: 1,
    endLine: null,
    endColumn: null,
    severity: 'warning',
    ruleId: 'unused-source',
    message: 'Unexpected unused source `z`',
    hint: null,
  },
];

describe('reporters', () => {
  it('json: an array of {file, line, column, endLine, endColumn, severity, ruleId, message, hint}', () => {
    expect(formatProblems(problems, 'json', 2)).toBe(`[
  {
    "file": "briefs/a, b.md",
    "line": 3,
    "column": 7,
    "endLine": 3,
    "endColumn": 12,
    "severity": "error",
    "ruleId": "invalid-value",
    "message": "Unexpected \`x\`, expected \`y\`: 100% sure\\nsecond line",
    "hint": "Use \`y\`."
  },
  {
    "file": "briefs/c.md",
    "line": 1,
    "column": 1,
    "endLine": null,
    "endColumn": null,
    "severity": "warning",
    "ruleId": "unused-source",
    "message": "Unexpected unused source \`z\`",
    "hint": null
  }
]
`);
    expect(formatProblems([], 'json', 1)).toBe('[]\n');
    // A template problem's code frame is for people: the JSON shape stays the same.
    expect(Object.keys(JSON.parse(formatProblems([{ ...problems[1]!, frame: '> 1 | {{x}}' }], 'json', 1))[0])).toEqual([
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'ruleId',
      'message',
      'hint',
    ]);
  });

  it('github: one workflow command per problem, with properties and data escaped', () => {
    expect(formatProblems(problems, 'github', 2)).toBe(
      '::error file=briefs/a%2C b.md,line=3,col=7,endLine=3,endColumn=12,title=invalid-value::Unexpected `x`, expected `y`: 100%25 sure%0Asecond line%0Ahelp: Use `y`.\n' +
        '::warning file=briefs/c.md,line=1,col=1,title=unused-source::Unexpected unused source `z`\n',
    );
    expect(formatProblems([], 'github', 1)).toBe('');
  });

  it('check prints them for a real brief and exits 1 on errors', () => {
    const path = 'test/fixtures/errors/invalid-value/input.md';
    const json = runCli(['check', path, '--reporter', 'json']);
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as Problem[];
    expect(parsed).toHaveLength(4);
    expect(parsed[0]).toEqual({
      file: path,
      line: 16,
      column: 24,
      endLine: 16,
      endColumn: 32,
      severity: 'error',
      ruleId: 'invalid-value',
      message:
        'Unexpected `probably` for `likelihood`, expected `almost no chance`, `very unlikely`, `unlikely`, `roughly even chance`, `likely`, `very likely` or `almost certain`',
      hint: 'docs/format.md lists the allowed values.',
    });
    expect(Object.keys(parsed[3]!)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'hint']);

    const github = runCli(['check', path, '--reporter', 'github']);
    expect(github.status).toBe(1);
    const lines = github.stdout.split('\n');
    expect(lines[0]).toBe(
      `::error file=${path},line=16,col=24,endLine=16,endColumn=32,title=invalid-value::Unexpected \`probably\` for \`likelihood\`, expected \`almost no chance\`, \`very unlikely\`, \`unlikely\`, \`roughly even chance\`, \`likely\`, \`very likely\` or \`almost certain\`%0Ahelp: docs/format.md lists the allowed values.`,
    );
    expect(lines).toHaveLength(5);
    expect(
      lines.slice(0, 4).every((line) => /^::error file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=invalid-value::Unexpected /.test(line)),
    ).toBe(true);
    expect(lines[4]).toBe('');

    const clean = runCli(['check', 'test/fixtures/minimal/input.md', '--reporter', 'json']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('[]\n');
  });
});
