/**
 * briefsmith's library API. It never prints and never exits: content problems come back as
 * vfile messages, environment problems as typed errors.
 */
export { parseBrief, defaultLimits } from './model/parse-brief.js';
export type { ParsedBrief, ParseOptions, ParseLimits } from './model/parse-brief.js';
export { validateBrief, hasErrors } from './validate/validate.js';
export type { ValidateOptions, ValidatedBrief } from './validate/validate.js';
export { BriefHasErrorsError } from './validate/flawed.js';
export { renderBrief, formats } from './engine/render-brief.js';
export type { Format, RenderBriefOptions } from './engine/render-brief.js';
export { buildBriefs } from './engine/build.js';
export { mergeShards, MergeError, type MergeOptions, type MergeResult } from './publish/merge.js';
export { shardOf, type Shard } from './publish/shard.js';
export type { BuildOptions, BuildResult, BuildEvent, KeptBrief, WrittenFile } from './engine/build.js';
export { loadBriefs } from './engine/load.js';
export type { LoadOptions, LoadedBrief } from './engine/load.js';
export { checkBriefs, type CheckOptions } from './engine/check-briefs.js';
export { defaultWorkerLimits, type WorkerLimits } from './engine/threads/worker-limits.js';
export { BriefsmithError } from './errors/briefsmith-error.js';
export { MissingPathError } from './source/find.js';
export { SinceError } from './publish/since.js';
export { LockTimeoutError } from './io/lock.js';
export { OutDirError } from './io/out-dir.js';
export { ContainmentError } from './io/contained.js';
export { ConfigError } from './config/config.js';
export type { FieldDeclaration, FieldDeclarations } from './config/fields.js';
export { ChromeLaunchError } from './print/printer.js';
export { ReferenceDocumentError } from './docx/reference.js';
export { briefSchema, likelihoods, confidences, stances, instrumentKinds, legalKinds, schemaVersion } from './model/schema.js';
export { upgradeModel } from './model/upgrade.js';
export { catalogue } from './errors/catalogue/index.js';
export type { RuleId, RuleEntry } from './errors/catalogue/index.js';
export { formatProblems, problemsOf } from './errors/format.js';
export type { Problem, ReporterName } from './errors/format.js';
export { TemplateError } from './render/template-error.js';
export { templateDirs } from './render/template-files.js';
export { lintTemplates } from './render/lint/lint-templates.js';
export type { TemplateLintOptions } from './render/lint/lint-templates.js';
export { watchBriefs } from './watch/watch.js';
export type { WatchOptions, WatchEvent, WatchHandle, BriefStatus } from './watch/watch.js';
export { serveBriefs } from './serve/server.js';
export type { ServeOptions, ServeHandle } from './serve/server.js';
export { modelJsonSchema } from './reference/json-schema.js';
export { locateChrome, ChromeNotFoundError } from './print/locate.js';
export type { FoundChrome } from './print/locate.js';
export { Printer } from './print/printer.js';
export { version } from './version.js';
export type * from './types.js';
