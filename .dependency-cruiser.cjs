/**
 * The layer rule: src/ folders are the stages of a brief's path, and a stage imports only the
 * stages before it (docs/architecture.md draws them); type-only imports count too. Run by
 * test/layers.test.ts (and `npx depcruise src`). dependency-cruiser reads TypeScript through its
 * own `typescript` peer, which must be below 7, so it parses with swc instead (@swc/core, dev).
 * A new folder must be placed in `stages` before anything may import it.
 */
const stages = [
  ['errors', 'version.ts'],
  ['io'],
  ['config'],
  ['source'],
  ['model', 'types.ts'],
  ['validate'],
  ['reference'],
  ['render'],
  ['pdf'],
  ['print'],
  ['docx'],
  ['cache'],
  ['publish'],
  ['engine'],
  ['watch'],
  ['serve'],
  ['scaffold'],
  ['cli'],
  ['index.ts'],
];

const known = stages.flat();
const pattern = (names) => `^src/(${names.map((name) => name.replace('.', '\\.')).join('|')})(/|$)`;

const orderRules = stages.slice(0, -1).map((stage, index) => ({
  name: `stage-order:${stage[0]}`,
  comment: `${stage.join(', ')} may import only earlier stages, not ${stages
    .slice(index + 1)
    .flat()
    .join(', ')}`,
  severity: 'error',
  from: { path: pattern(stage) },
  to: { path: pattern(stages.slice(index + 1).flat()) },
}));

module.exports = {
  stages,
  forbidden: [
    { name: 'no-circular', comment: 'Modules import each other in a cycle', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'stage-unknown',
      comment: 'A folder of src/ that is not placed in the stages of .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: pattern(known) },
    },
    ...orderRules,
  ],
  options: { parser: 'swc', tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' }, doNotFollow: { path: 'node_modules' } },
};
