/**
 * One build at a time, and no save lost: changes seen while a build runs are kept and start the
 * next build as soon as it ends, so the last save is always the one the outputs show.
 */
export class RebuildQueue {
  private pending = new Set<string>();
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** `build` gets the changed paths (empty for the first build); it must not throw. */
  constructor(
    private readonly build: (changed: string[]) => Promise<void>,
    private readonly debounceMs: number,
  ) {}

  /** Runs the first build now (the watcher is already listening, so nothing saved during it is missed). */
  start(): Promise<void> {
    this.running = this.drain([]);
    return this.running;
  }

  /** A path changed: build after a short quiet time, or after the build under way. */
  changed(path: string): void {
    if (this.closed) return;
    this.pending.add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), this.debounceMs);
  }

  /** Resolves once no build is running and no change is waiting. */
  async idle(): Promise<void> {
    while (this.running || this.pending.size > 0) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, this.debounceMs + 5));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.pending.clear();
    await this.running;
  }

  private kick(): void {
    if (this.running || this.closed || this.pending.size === 0) return;
    this.running = this.drain(this.take());
  }

  private take(): string[] {
    const changed = [...this.pending];
    this.pending.clear();
    return changed;
  }

  private async drain(first: string[]): Promise<void> {
    let changed: string[] | null = first;
    while (changed && !this.closed) {
      await this.build(changed);
      changed = this.pending.size > 0 ? this.take() : null;
    }
    this.running = null;
  }
}
