/**
 * Runs a GitHub Actions workflow here, job by job in `needs` order, the way a hosted runner runs
 * it — for the steps briefsmith's own workflow uses. Each job gets a fresh checkout of the
 * project, in the same folder every run as on a runner; `actions/cache` keeps folders between runs under the key the workflow computes
 * (`hashFiles` included); artifacts are uploaded and downloaded as `upload-artifact@v4` and
 * `download-artifact@v4` lay them out (hidden files left out). A `run:` line is either `npm ci`
 * (the suite runs in an installed tree; with `--omit=optional` the job gets no browser) or
 * `npx briefsmith …`, run through the built CLI; anything else (an `apt-get`, a `sudo`) is a step
 * a hosted runner would need more for, and fails the run. An unknown action or expression fails too.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { type CliResult, runCli } from './cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  if?: string;
}

interface Job {
  needs?: string | string[];
  steps?: Step[];
  strategy?: { matrix?: { shard?: number[] } };
  if?: string;
}

export interface Workflow {
  jobs: Record<string, Job>;
}

export function readWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow;
}

/** What one run did: every briefsmith command with its output, per job (shard jobs as `build (2)`). */
export interface WorkflowRun {
  commands: Array<{ job: string; args: string[]; result: CliResult }>;
  /** Artifact name → its folder. */
  artifacts: Map<string, string>;
  skipped: string[];
}

/** The contexts an expression may read; `vars` are unset, as in a repository without them. */
const github = { 'github.ref': 'refs/heads/main', 'github.event_name': 'push', 'runner.os': 'Linux' };

export class WorkflowRunner {
  /** Cache key → its saved folder, kept from one run to the next. */
  private readonly caches = new Map<string, string>();
  private readonly workspaces = mkdtempSync(join(tmpdir(), 'bs-runner-'));

  constructor(
    private readonly workflow: Workflow,
    /** The project a checkout copies. */
    private readonly project: string,
    /** Arguments added to every `briefsmith build` (the suite leaves PDFs out). */
    private readonly buildArgs: string[] = [],
    private readonly env: NodeJS.ProcessEnv = {},
  ) {}

  /** Runs every job once its needs have run. */
  run(): WorkflowRun {
    const done = new Set<string>();
    const run: WorkflowRun = { commands: [], artifacts: new Map(), skipped: [] };
    const pending = Object.keys(this.workflow.jobs);
    while (pending.length > 0) {
      const ready = pending.findIndex((name) => [this.workflow.jobs[name]!.needs ?? []].flat().every((need) => done.has(need)));
      if (ready === -1) throw new Error(`jobs that wait for each other: ${pending.join(', ')}`);
      const [name] = pending.splice(ready, 1);
      const job = this.workflow.jobs[name!]!;
      if (job.if !== undefined && !condition(job.if)) run.skipped.push(name!);
      else for (const values of matrixOf(job)) this.runJob(name!, job, values, run);
      done.add(name!);
    }
    return run;
  }

  private runJob(name: string, job: Job, values: Record<string, string>, run: WorkflowRun): void {
    const label = values['matrix.shard'] ? `${name} (${values['matrix.shard']})` : name;
    // A runner checks out into the same folder every run (/home/runner/work/…): so does this one.
    const workspace = join(this.workspaces, label.replace(/\W+/g, '-'));
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace, { recursive: true });
    const evaluate = (text: string | number) => expressions(String(text), { ...github, ...values }, workspace);
    const saves: Array<() => void> = [];
    let browser = true;
    for (const step of job.steps ?? []) {
      if (step.if !== undefined && !condition(step.if)) continue;
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, evaluate(value)]));
      if (step.uses) saves.push(...this.action(step.uses, inputs, workspace, run));
      for (const line of (step.run ?? '').split('\n').map((text) => text.trim())) {
        if (line === '') continue;
        if (line === 'npm ci' || line === 'npm ci --omit=optional') browser = line === 'npm ci';
        else if (line.startsWith('npx briefsmith ')) {
          const args = evaluate(line)
            .split(/\s+/)
            .slice(2)
            .flatMap((arg) => glob(arg, workspace));
          const extra = args[0] === 'build' ? this.buildArgs : [];
          // Without the optional dependency there is no bundled browser: a command that needs one fails.
          const env = { ...this.env, ...(browser ? {} : { PUPPETEER_EXECUTABLE_PATH: join(workspace, 'no-browser') }) };
          run.commands.push({ job: label, args, result: runCli([...args, ...extra], { cwd: workspace, env }) });
        } else throw new Error(`${label}: a step a hosted runner cannot run as it is: ${line}`);
      }
    }
    // Post-job: caches that missed are saved.
    for (const save of saves) save();
  }

  /** Runs an action; returns what it does once the job has ended. */
  private action(uses: string, inputs: Record<string, string>, workspace: string, run: WorkflowRun): Array<() => void> {
    const action = uses.replace(/@.*$/, '');
    switch (action) {
      case 'actions/checkout':
        cpSync(this.project, workspace, { recursive: true });
        return [];
      case 'actions/setup-node':
        return [];
      case 'actions/cache':
        return this.cache(inputs, workspace);
      case 'actions/upload-artifact': {
        const from = join(workspace, inputs.path!);
        const files = existsSync(from) ? visibleFiles(from) : [];
        if (files.length === 0 && inputs['if-no-files-found'] === 'error') throw new Error(`no files to upload at ${inputs.path}`);
        const to = mkdtempSync(join(tmpdir(), 'bs-artifact-'));
        for (const file of files) cpSync(join(from, file), join(to, file));
        run.artifacts.set(inputs.name ?? 'artifact', to);
        return [];
      }
      case 'actions/download-artifact': {
        const pattern = new RegExp(`^${(inputs.pattern ?? '*').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        for (const [name, folder] of run.artifacts) if (pattern.test(name)) cpSync(folder, join(workspace, inputs.path ?? '.', name), { recursive: true });
        return [];
      }
      default:
        throw new Error(`an action this runner does not know: ${uses}`);
    }
  }

  /** Restores `path` from the exact key, else the newest cache under a restore key; saves it at the end on a miss. */
  private cache(inputs: Record<string, string>, workspace: string): Array<() => void> {
    const key = inputs.key!;
    const path = join(workspace, inputs.path!);
    const prefixes = (inputs['restore-keys'] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const keys = [...this.caches.keys()].reverse();
    const hit = this.caches.has(key) ? key : prefixes.map((prefix) => keys.find((saved) => saved.startsWith(prefix))).find(Boolean);
    if (hit) cpSync(this.caches.get(hit)!, path, { recursive: true });
    if (hit === key) return [];
    return [
      () => {
        const saved = mkdtempSync(join(tmpdir(), 'bs-cache-'));
        if (existsSync(path)) cpSync(path, saved, { recursive: true });
        this.caches.delete(key);
        this.caches.set(key, saved);
      },
    ];
  }
}

/** One set of matrix values per job of the matrix (one empty set without a matrix). */
function matrixOf(job: Job): Array<Record<string, string>> {
  const shards = job.strategy?.matrix?.shard;
  if (!shards) return [{}];
  return shards.map((shard) => ({ 'matrix.shard': String(shard), 'strategy.job-total': String(shards.length) }));
}

/** `a == 'b' && c != 'd'` over the github context; `vars.*` are unset. */
function condition(expression: string): boolean {
  return expression.split('&&').every((part) => {
    const match = /^\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
    if (!match) throw new Error(`an if: this runner cannot evaluate: ${expression}`);
    const value = (github as Record<string, string>)[match[1]!] ?? '';
    return match[2] === '==' ? value === match[3] : value !== match[3];
  });
}

/** Replaces each `${{ … }}`: a name from `values`, or `hashFiles('glob', …)` over `workspace`. */
function expressions(text: string, values: Record<string, string>, workspace: string): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const hashed = /^hashFiles\((.*)\)$/.exec(expression);
    if (hashed)
      return hashFiles(
        [...hashed[1]!.matchAll(/'([^']+)'/g)].map((match) => match[1]!),
        workspace,
      );
    if (expression in values) return values[expression]!;
    throw new Error(`an expression this runner does not know: ${expression}`);
  });
}

/** GitHub's hashFiles for `path` and `folder/**` patterns: one hash of the matching files' hashes, '' when none match. */
function hashFiles(patterns: string[], workspace: string): string {
  const files = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/**')) return existsSync(join(workspace, pattern)) ? [pattern] : [];
    const folder = pattern.slice(0, -3);
    return existsSync(join(workspace, folder)) ? visibleFiles(join(workspace, folder), true).map((file) => join(folder, file)) : [];
  });
  if (files.length === 0) return '';
  const hash = createHash('sha256');
  for (const file of files.sort())
    hash.update(
      createHash('sha256')
        .update(readFileSync(join(workspace, file)))
        .digest(),
    );
  return hash.digest('hex');
}

/** Files under `folder` (relative), without hidden ones unless `hidden`. */
function visibleFiles(folder: string, hidden = false): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (!hidden && name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(folder, path));
    }
  };
  walk(folder);
  return found;
}

/** A shell glob of one trailing `*` (`shards/*`), expanded as the runner's bash would. */
function glob(arg: string, workspace: string): string[] {
  if (!arg.endsWith('/*')) return [arg];
  const folder = arg.slice(0, -2);
  return readdirSync(join(workspace, folder))
    .sort()
    .map((name) => `${folder}/${name}`);
}
