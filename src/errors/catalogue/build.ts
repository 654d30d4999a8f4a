/** The rules of one stage — build records: what a build reads back from `out/`. */
import { type RuleGroup, rule } from './entry.js';

export const buildRecords = {
  title: 'Build records',
  about: 'What a build reads back from `out/`.',
  notPerBrief: 'reported on what a build reads back from `out/`, not on a brief',
  rules: {
    'build-record-ignored': rule({
      title: 'Damaged build record',
      severity: 'warning',
      details: ['what', 'reason'],
      message: (d) => `Unexpected ${d.what} content: ${d.reason}, expected the file as briefsmith wrote it`,
      hint: 'CI may restore out/ from a cache or artefact: what cannot be trusted is ignored (those briefs rebuild, nothing it names is touched) and the build rewrites the file.',
      silenceable: true,
    }),
  },
} satisfies RuleGroup;
