/**
 * Every content problem briefsmith reports, in one place: id, title, severity, the details its
 * message uses, message, hint, and whether a brief may silence it. docs/rules.md is generated
 * from it (test/helpers/rules-doc.ts).
 * Messages follow unified's wording: "Unexpected `x`, expected `y`".
 */
export type Severity = 'error' | 'warning';

/** The details an occurrence gives: `name` is required, `name?` may be left out. */
export type Details<D extends string> = { readonly [K in D as K extends `${string}?` ? never : K]: string } & {
  readonly [K in D as K extends `${infer Name}?` ? Name : never]?: string;
};

export interface RuleEntry<D extends string = string> {
  readonly title: string;
  readonly severity: Severity;
  /** The details its message (and hint) read; `report` must give exactly these, so a typo is a compile error. */
  readonly details: readonly D[];
  /** Builds the message from the details of one occurrence. */
  readonly message: (details: Details<D>) => string;
  /** What to do; a function when the fix depends on the occurrence. */
  readonly hint: string | ((details: Details<D>) => string);
  /**
   * Whether a brief's `rules:` may turn it off or change its severity. Not for rules that mean the
   * model could not be built or is unsafe: silencing them would only hide why the brief was not rendered.
   */
  readonly silenceable: boolean;
}

const locked = 'locked';

function entry<const D extends string = never>(
  title: string,
  severity: Severity,
  details: readonly D[],
  message: (details: Details<D>) => string,
  hint: string | ((details: Details<D>) => string),
  lock?: typeof locked,
): RuleEntry<D> {
  return { title, severity, details, message, hint, silenceable: lock !== locked };
}

/** The catalogue, keyed by rule id. */
export const catalogue = {
  'frontmatter-missing': entry(
    'Missing front matter',
    'error',
    [],
    () => 'Unexpected start of document, expected YAML front matter between `---` lines',
    'Start the brief with `---`, the metadata in YAML, then `---`.',
    locked,
  ),
  'frontmatter-unclosed': entry(
    'Unclosed front matter',
    'error',
    [],
    () => 'Unexpected end of document, expected a closing `---` for the front matter',
    'Close the front matter with a line holding only `---`.',
    locked,
  ),
  'frontmatter-engine': entry(
    'Front matter is not YAML',
    'error',
    ['engine'],
    (d) => `Unexpected front matter language \`${d.engine}\`, expected YAML (\`---\`)`,
    'Only YAML front matter is read; other engines (js, javascript, coffee) would run code.',
    locked,
  ),
  'yaml-syntax': entry(
    'Invalid YAML',
    'error',
    ['found', 'expected', 'hint?'],
    (d) => `Unexpected ${d.found}, expected ${d.expected}`,
    (d) => d.hint ?? 'Check the indentation and quoting of the front matter.',
    locked,
  ),
  'yaml-unsafe': entry(
    'Unsafe YAML',
    'error',
    ['what'],
    (d) => `Unexpected ${d.what}, expected plain YAML data`,
    'Custom tags, excess aliases and keys such as `__proto__` are refused.',
    locked,
  ),
  'missing-field': entry(
    'Missing field',
    'error',
    ['field', 'expected'],
    (d) => `Unexpected missing \`${d.field}\`, expected ${d.expected}`,
    'Add the field; docs/format.md lists what each part needs.',
    locked,
  ),
  'invalid-value': entry(
    'Invalid value',
    'error',
    ['value', 'field', 'expected'],
    (d) => `Unexpected \`${d.value}\` for \`${d.field}\`, expected ${d.expected}`,
    'docs/format.md lists the allowed values.',
    locked,
  ),
  'unknown-field': entry(
    'Unknown field',
    'warning',
    ['field', 'expected'],
    (d) => `Unexpected field \`${d.field}\`, expected one of ${d.expected}`,
    'Remove the field or fix its spelling.',
  ),
  'unknown-directive': entry(
    'Unknown directive',
    'error',
    ['name', 'expected'],
    (d) => `Unexpected directive \`${d.name}\`, expected ${d.expected}`,
    'Known directives are listed in docs/format.md; to write the colons as text, put a backslash before the first (`\\:`).',
    locked,
  ),
  'misplaced-directive': entry(
    'Directive in the wrong place',
    'error',
    ['name', 'where', 'expected'],
    (d) => `Unexpected \`${d.name}\` ${d.where}, expected it ${d.expected}`,
    'Parts such as `interest` belong inside a `file`; nesting needs more colons on the outer fence.',
    locked,
  ),
  'unclosed-directive': entry(
    'Block never closed',
    'error',
    ['fence', 'colons', 'end'],
    (d) => `Unexpected \`${d.fence}\` that is never closed, expected a closing \`${d.colons}\` ${d.end}`,
    'End the block with a line holding only its colons; until then it takes in everything after it.',
    locked,
  ),
  'same-colon-nesting': entry(
    'Nested block with as many colons',
    'error',
    ['inner', 'fence', 'suggestion'],
    (d) => `Unexpected \`${d.inner}\` inside \`${d.fence}\` with as many colons, expected more colons on the outer fence (\`${d.suggestion}\`)`,
    'A block that holds other blocks needs more colons than they have, on its closing fence too: `::::file` … `::::` around `:::interest` … `:::`.',
    locked,
  ),
  'stray-fence': entry(
    'Fence that opens or closes nothing',
    'error',
    ['fence', 'what', 'expected'],
    (d) => `Unexpected \`${d.fence}\` ${d.what}, expected ${d.expected}`,
    'Check the fences around it: a block opens with `:::name{…}` and closes with a line of as many colons.',
    locked,
  ),
  'malformed-directive': entry(
    'Directive that does not form',
    'error',
    ['written', 'expected'],
    (d) => `Unexpected \`${d.written}\` that does not form a directive, expected ${d.expected}`,
    'Check its brackets and braces: every `[` and `{` needs its `]` and `}`; write `\\:` for a colon that starts no directive.',
    locked,
  ),
  'unknown-attribute': entry(
    'Unknown attribute',
    'warning',
    ['attribute', 'name', 'expected'],
    (d) => `Unexpected attribute \`${d.attribute}\` on \`${d.name}\`, expected ${d.expected}`,
    'Remove the attribute or fix its spelling.',
  ),
  'duplicate-id': entry(
    'Duplicate id',
    'error',
    ['what', 'id', 'also?'],
    (d) => `Unexpected duplicate ${d.what} \`${d.id}\`${d.also ?? ''}, expected each to be unique`,
    'Give each part its own id.',
    locked,
  ),
  'duplicate-part': entry(
    'Part given twice',
    'error',
    ['name', 'where'],
    (d) => `Unexpected second \`${d.name}\`, expected one ${d.where}`,
    'Merge the two into one.',
    locked,
  ),
  'unresolved-citation': entry(
    'Citation of an unknown source',
    'error',
    ['key', 'suggestion'],
    (d) => `Unexpected citation \`@${d.key}\`, expected a key declared under \`sources\`${d.suggestion}`,
    'Declare the source in the front matter or fix the key.',
    locked,
  ),
  'malformed-citation': entry(
    'Citation that does not form',
    'error',
    ['found', 'expected'],
    (d) => `Unexpected ${d.found}, expected ${d.expected}`,
    'A citation is `[@key]`, `[@key, p. 3]` or `[@a; @b]`, keys as declared under `sources`; write `\\[@` for the characters themselves.',
    locked,
  ),
  'unused-source': entry(
    'Source never cited',
    'warning',
    ['key'],
    (d) => `Unexpected unused source \`${d.key}\`, expected at least one \`[@${d.key}]\``,
    'Cite the source or remove it from the list.',
  ),
  'heading-level': entry(
    'Level-1 heading in the body',
    'warning',
    [],
    () => 'Unexpected level-1 heading, expected `##` sections (the title comes from the front matter)',
    'Use `##` for sections.',
  ),
  'timeline-order': entry(
    'Timeline out of order',
    'warning',
    ['date', 'previous'],
    (d) => `Unexpected event dated ${d.date} after ${d.previous}, expected date order`,
    'Move the event to its place in time.',
  ),
  'quote-not-found': entry(
    'Quote not in source',
    'error',
    ['quote', 'key', 'nearest'],
    (d) => `Unexpected quote \`${d.quote}\`, expected the exact words of source \`${d.key}\`${d.nearest}`,
    'Copy the words exactly, or paraphrase without quotation.',
  ),
  'quote-source-missing': entry(
    'Quote source text missing',
    'warning',
    ['key', 'reason'],
    (d) => `Unexpected source \`${d.key}\` without readable text (${d.reason}), expected a \`file\` in the sources dir`,
    'Set `file:` on the source and pass `--sources-dir`.',
  ),
  'judgment-uncited': entry(
    'Key judgment without a citation',
    'error',
    [],
    () => 'Unexpected judgment without a citation, expected at least one `[@key]`',
    'Every key judgment needs its evidence.',
  ),
  'likelihood-mismatch': entry(
    'Likelihood words contradict the attribute',
    'warning',
    ['words', 'likelihood'],
    (d) => `Unexpected \`${d.words}\` in the text, expected wording that matches likelihood \`${d.likelihood}\``,
    'Make the prose and the `likelihood` attribute say the same thing.',
  ),
  'likelihood-confidence-mixed': entry(
    'Likelihood and confidence in one sentence',
    'warning',
    ['likelihood', 'confidence'],
    (d) => `Unexpected \`${d.likelihood}\` and \`${d.confidence}\` in one sentence, expected them kept apart (ICD 203)`,
    'State the likelihood of the event and your confidence in separate sentences.',
  ),
  'uncited-paragraph': entry(
    'Paragraph without a citation',
    'warning',
    [],
    () => 'Unexpected paragraph without a citation, expected at least one `[@key]`',
    'Cite the source of the claim, or turn the rule off in front matter (`rules:`).',
  ),
  'source-after-brief': entry(
    'Source dated after the brief',
    'warning',
    ['key', 'sourceDate', 'briefDate'],
    (d) => `Unexpected source \`${d.key}\` dated ${d.sourceDate}, expected a date on or before the brief's ${d.briefDate}`,
    'Check the dates of the source and of the brief.',
  ),
  'raw-html': entry(
    'Raw HTML',
    'warning',
    [],
    () => 'Unexpected raw HTML, expected Markdown (raw HTML is dropped from the output)',
    'Write it in Markdown; raw HTML never reaches readers.',
  ),
  'unsafe-link': entry(
    'Unsafe link',
    'error',
    ['url'],
    (d) => `Unexpected link \`${d.url}\`, expected an http(s), mailto or in-page (#) link`,
    'Links with other protocols are removed from the output.',
    locked,
  ),
  'unsafe-image': entry(
    'Image not allowed',
    'error',
    ['url', 'expected'],
    (d) => `Unexpected image \`${d.url}\`, expected ${d.expected}`,
    'Images must be local files inside the brief folder (PNG, JPEG, GIF, WebP, SVG without script).',
    locked,
  ),
  'suspicious-character': entry(
    'Suspicious character',
    'warning',
    ['what'],
    (d) => `Unexpected ${d.what}, expected ordinary text`,
    'Bidi controls can disguise text; NUL and invalid bytes are usually corruption.',
  ),
  'limit-exceeded': entry(
    'Limit exceeded',
    'error',
    ['what', 'actual', 'limit'],
    (d) => `Unexpected ${d.what} (${d.actual}), expected at most ${d.limit}`,
    'Split the brief, or raise the limit in the build options.',
    locked,
  ),
  'build-record-ignored': entry(
    'Damaged build record',
    'warning',
    ['what', 'reason'],
    (d) => `Unexpected ${d.what} content: ${d.reason}, expected the file as briefsmith wrote it`,
    'CI may restore out/ from a cache or artefact: what cannot be trusted is ignored (those briefs rebuild, nothing it names is touched) and the build rewrites the file.',
  ),
  'template-error': entry(
    'Template failed',
    'error',
    ['reason'],
    (d) => `Unexpected template failure: ${d.reason}`,
    'Fix the template at the position shown; `briefsmith check` lints templates against the model.',
    locked,
  ),
  'template-unknown-field': entry(
    'Unknown field in a template',
    'error',
    ['field', 'where', 'expected', 'suggestion'],
    (d) => `Unexpected field \`${d.field}\`${d.where}, expected one of ${d.expected}${d.suggestion}`,
    'docs/templates.md lists the fields each template and partial sees; `{{../x}}` and `@root.x` reach outer contexts.',
  ),
  'template-unknown-helper': entry(
    'Unknown helper in a template',
    'error',
    ['name', 'expected', 'suggestion'],
    (d) => `Unexpected helper \`${d.name}\`, expected one of ${d.expected}${d.suggestion}`,
    'docs/templates.md lists the helpers of each format.',
  ),
  'template-unknown-partial': entry(
    'Unknown partial in a template',
    'error',
    ['name', 'expected', 'suggestion'],
    (d) => `Unexpected partial \`${d.name}\`, expected one of ${d.expected}${d.suggestion}`,
    'Partials are the `.hbs` files in `partials/<format>/` of the template folders.',
  ),
  'template-helper-arguments': entry(
    'Helper called with the wrong arguments',
    'error',
    ['received', 'name', 'expected'],
    (d) => `Unexpected ${d.received} for helper \`${d.name}\`, expected ${d.expected}`,
    'docs/templates.md shows how each helper is called.',
  ),
  'template-unescaped': entry(
    'Unescaped model text in a template',
    'error',
    ['what', 'path', 'expected'],
    (d) => `Unexpected ${d.what} \`${d.path}\`, expected ${d.expected}`,
    'Markdown templates must pass model text through `md`, `md-cell`, `md-url`, `rich` or `inline`; HTML templates must not triple-stash model text.',
  ),
  'template-asset': entry(
    'Template asset missing or refused',
    'error',
    ['name', 'problem'],
    (d) => `Unexpected asset \`${d.name}\`, expected ${d.problem}`,
    'Put the image in a templates folder and name it by its path there (`{{asset "logo.png"}}`); PNG, JPEG, GIF and WebP are inlined, SVG only without scripts, event handlers or outside references.',
  ),
  'template-unused-field': entry(
    'Model part no template shows',
    'warning',
    ['path'],
    (d) => `Unexpected unused \`${d.path}\`, expected every required part of the model in some template`,
    'A required part that no template shows is dropped from every output; show it, or ignore the warning if that is intended.',
  ),
  'image-alt': entry(
    'Image without alt text',
    'error',
    ['url'],
    (d) => `Unexpected image \`${d.url}\` without alt text, expected \`![what it shows](${d.url})\``,
    'Say in the brackets what the image shows: screen readers read it, and the PDF needs it for PDF/UA.',
  ),
  'fill-me': entry(
    'Placeholder text',
    'warning',
    [],
    () => 'Unexpected placeholder `TODO`, expected real content',
    'Replace the placeholder before publishing.',
  ),
  'empty-section': entry(
    'Empty section',
    'warning',
    ['title'],
    (d) => `Unexpected empty section \`${d.title}\`, expected prose or a part under its heading`,
    'An empty section is left out of every output (and of the contents); write it, or remove the heading.',
  ),
  'generated-heading': entry(
    'Heading the templates already print',
    'error',
    ['title', 'generated'],
    (d) => `Unexpected section \`${d.title}\`, expected a heading other than \`${d.generated}\`, which briefsmith prints itself`,
    "The Sources list is printed from the front matter's `sources:`, and the contents and the bottom line up front from the brief; declare the works under `sources:`, or give the section another title.",
  ),
} as const;

export type RuleId = keyof typeof catalogue;

/** The details of rule `R`, as its entry declares them. */
export type DetailsOf<R extends RuleId> = Details<(typeof catalogue)[R]['details'][number]>;
