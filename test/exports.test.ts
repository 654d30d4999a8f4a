/** Pins the public API: adding is a minor change, removing or renaming is a breaking one. */
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the documented API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'BriefHasErrorsError',
    'BriefsmithError',
    'ChromeLaunchError',
    'ChromeNotFoundError',
    'ConfigError',
    'ContainmentError',
    'LockTimeoutError',
    'MergeError',
    'MissingPathError',
    'OutDirError',
    'Printer',
    'ReferenceDocumentError',
    'SinceError',
    'TemplateError',
    'briefSchema',
    'buildBriefs',
    'catalogue',
    'checkBriefs',
    'confidences',
    'defaultLimits',
    'defaultWorkerLimits',
    'formatProblems',
    'formats',
    'hasErrors',
    'instrumentKinds',
    'legalKinds',
    'likelihoods',
    'lintTemplates',
    'loadBriefs',
    'locateChrome',
    'mergeShards',
    'modelJsonSchema',
    'parseBrief',
    'problemsOf',
    'renderBrief',
    'schemaVersion',
    'serveBriefs',
    'shardOf',
    'stances',
    'templateDirs',
    'upgradeModel',
    'validateBrief',
    'version',
    'watchBriefs',
  ]);
});

it('exposes functions and values of the right kind', () => {
  for (const name of ['parseBrief', 'validateBrief', 'renderBrief', 'buildBriefs', 'loadBriefs', 'locateChrome']) {
    expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
  }
  expect(api.formats).toEqual(['md', 'html', 'pdf', 'json', 'docx']);
  expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
});

it('throws environment problems as one family, each with its exit code', () => {
  const errors = [
    new api.MissingPathError('briefs/nope.md'),
    new api.SinceError('bad'),
    new api.ConfigError('briefsmith.config.json', 'bad'),
    new api.LockTimeoutError('out', 'pid 1', 10),
    new api.ChromeNotFoundError('none'),
    new api.ChromeLaunchError('/bin/x', 'bad'),
    new api.OutDirError('bad'),
    new api.ContainmentError('out', '../x'),
    new api.MergeError('shard 2/2 missing'),
    new api.ReferenceDocumentError('templates/brief.docx', 'is not a Word document'),
  ];
  for (const error of errors) {
    expect(error).toBeInstanceOf(api.BriefsmithError);
    expect(error.exitCode).toBe(2);
    expect(error.name).toBe(error.constructor.name);
  }
});
