/**
 * When the language server validates. A run after an edit takes milliseconds
 * (only what the edit can change is checked again), but one that checks
 * everything (the first, or after an edit of the KPI catalog) takes seconds on
 * a large repository, so a burst of keystrokes must not queue a run per
 * keystroke: a run starts once changes have paused for `delayMs`, and a newer
 * change replaces a run that has not started. 25 ms is shorter than a pause
 * in typing and leaves most of 100 ms after the last change for the run
 * itself. Runs never overlap, and a run is told when changes have overtaken
 * it (while it waited for the disk, or read a whole repository in steps), so
 * that it publishes nothing stale.
 */
export class ValidationSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private changes = 0;
  private validatedChanges = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly validate: (overtaken: () => boolean) => Promise<void>,
    private readonly delayMs = 25,
  ) {}

  /** Something changed: validate once nothing more has changed for a moment. */
  changed(): void {
    this.changes++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(), this.delayMs);
  }

  /** No more runs: the session is ending. */
  stop(): void {
    clearTimeout(this.timer);
  }

  private async start(): Promise<void> {
    await this.running;
    // Two timers that fired during one run both wait for it; the first one validates for both.
    if (this.validatedChanges === this.changes) return;
    const upTo = (this.validatedChanges = this.changes);
    this.running = this.validate(() => this.changes !== upTo);
    await this.running;
  }
}
