/** The rules of one stage — templates: reported on a template (by `templates lint`, `check`, and a build that renders it), not on a brief. */
import { type RuleGroup, rule } from './entry.js';

export const templates = {
  title: 'Templates',
  about: 'Reported on a template (by `templates lint`, `check`, and a build that renders it), not on a brief.',
  notPerBrief: 'reported on a template, not on a brief',
  rules: {
    'template-error': rule({
      title: 'Template failed',
      severity: 'error',
      details: ['reason'],
      message: (d) => `Unexpected template failure: ${d.reason}`,
      hint: 'Fix the template at the position shown; `briefsmith check` lints templates against the model.',
      silenceable: false,
    }),
    'template-unknown-field': rule({
      title: 'Unknown field in a template',
      severity: 'error',
      details: ['field', 'where', 'expected', 'suggestion'],
      message: (d) => `Unexpected field \`${d.field}\`${d.where}, expected one of ${d.expected}${d.suggestion}`,
      hint: 'docs/templates.md lists the fields each template and partial sees; `{{../x}}` and `@root.x` reach outer contexts.',
      silenceable: true,
    }),
    'template-unknown-helper': rule({
      title: 'Unknown helper in a template',
      severity: 'error',
      details: ['name', 'expected', 'suggestion'],
      message: (d) => `Unexpected helper \`${d.name}\`, expected one of ${d.expected}${d.suggestion}`,
      hint: 'docs/templates.md lists the helpers of each format.',
      silenceable: true,
    }),
    'template-unknown-partial': rule({
      title: 'Unknown partial in a template',
      severity: 'error',
      details: ['name', 'expected', 'suggestion'],
      message: (d) => `Unexpected partial \`${d.name}\`, expected one of ${d.expected}${d.suggestion}`,
      hint: 'Partials are the `.hbs` files in `partials/<format>/` of the template folders.',
      silenceable: true,
    }),
    'template-helper-arguments': rule({
      title: 'Helper called with the wrong arguments',
      severity: 'error',
      details: ['received', 'name', 'expected'],
      message: (d) => `Unexpected ${d.received} for helper \`${d.name}\`, expected ${d.expected}`,
      hint: 'docs/templates.md shows how each helper is called.',
      silenceable: true,
    }),
    'template-unescaped': rule({
      title: 'Unescaped model text in a template',
      severity: 'error',
      details: ['what', 'path', 'expected'],
      message: (d) => `Unexpected ${d.what} \`${d.path}\`, expected ${d.expected}`,
      hint: 'Markdown templates must pass model text through `md`, `md-cell`, `md-url`, `rich` or `inline`; HTML templates must not triple-stash model text.',
      silenceable: true,
    }),
    'template-asset': rule({
      title: 'Template asset missing or refused',
      severity: 'error',
      details: ['name', 'problem'],
      message: (d) => `Unexpected asset \`${d.name}\`, expected ${d.problem}`,
      hint: 'Put the image in a templates folder and name it by its path there (`{{asset "logo.png"}}`); PNG, JPEG, GIF and WebP are inlined, SVG only without scripts, event handlers or outside references.',
      silenceable: true,
    }),
    'template-unused-field': rule({
      title: 'Model part no template shows',
      severity: 'warning',
      details: ['path'],
      message: (d) => `Unexpected unused \`${d.path}\`, expected every required part of the model in some template`,
      hint: 'A required part that no template shows is dropped from every output; show it, or ignore the warning if that is intended.',
      silenceable: true,
    }),
  },
} satisfies RuleGroup;
