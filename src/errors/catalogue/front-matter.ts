/** The rules of one stage — front matter: the YAML between the `---` lines at the top of a brief. */
import { type RuleGroup, rule } from './entry.js';

export const frontMatter = {
  title: 'Front matter',
  about: 'The YAML between the `---` lines at the top of a brief.',
  notPerBrief: 'raised while reading the front matter, before its `rules:` can be read',
  rules: {
    'frontmatter-missing': rule({
      title: 'Missing front matter',
      severity: 'error',
      details: [],
      message: () => 'Unexpected start of document, expected YAML front matter between `---` lines',
      hint: 'Start the brief with `---`, the metadata in YAML, then `---`.',
      silenceable: false,
    }),
    'frontmatter-unclosed': rule({
      title: 'Unclosed front matter',
      severity: 'error',
      details: [],
      message: () => 'Unexpected end of document, expected a closing `---` for the front matter',
      hint: 'Close the front matter with a line holding only `---`.',
      silenceable: false,
    }),
    'frontmatter-engine': rule({
      title: 'Front matter is not YAML',
      severity: 'error',
      details: ['engine'],
      message: (d) => `Unexpected front matter language \`${d.engine}\`, expected YAML (\`---\`)`,
      hint: 'Only YAML front matter is read; other engines (js, javascript, coffee) would run code.',
      silenceable: false,
    }),
    'yaml-syntax': rule({
      title: 'Invalid YAML',
      severity: 'error',
      details: ['found', 'expected', 'hint?'],
      message: (d) => `Unexpected ${d.found}, expected ${d.expected}`,
      hint: (d) => d.hint ?? 'Check the indentation and quoting of the front matter.',
      silenceable: false,
      notes: [
        "Every slip is reported, each once, at its cause, in the writer's terms and with its own fix: an unquoted `: ` inside a",
        'value (put the value in quotes); a value that starts with YAML syntax (`[DRAFT] …`, `*emphasis*`, `@name`, `` `code` ``,',
        "`- x`); text after a closing quote (`'It's here'`); a ` #` followed by text, which YAML would drop as a comment; a tab in",
        'the indentation; a line indented further or less than the fields beside it (at that line); a field without its `:`',
        'or without the space after it; a quote, `[` or `{` that never closes; a field given twice. To find the next slip,',
        'each one is mended on its own line and the front matter read again, so the errors one slip causes on the lines',
        'after it are not reported (at most 20 slips per front matter). Until the front matter can be read, the checks',
        "that need it (citations, sources, quotes) are not run, and the first error's hint says so.",
      ].join('\n'),
    }),
    'yaml-unsafe': rule({
      title: 'Unsafe YAML',
      severity: 'error',
      details: ['what'],
      message: (d) => `Unexpected ${d.what}, expected plain YAML data`,
      hint: 'Custom tags, excess aliases and keys such as `__proto__` are refused.',
      silenceable: false,
    }),
  },
} satisfies RuleGroup;
