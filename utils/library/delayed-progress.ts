/** How far long work has come: what is under way, and `done` of `total` steps. */
export interface WorkProgress {
  label: string;
  done: number;
  total: number;
}

export interface DelayedProgress {
  /** The work has come this far (shown at once if the bar is already up). */
  update(progress: WorkProgress): void;
  /** The work is over: no bar, and none later. */
  stop(): void;
}

/**
 * Progress handed to `show` only once the work has run `delayMs`: most exports are done before anyone could
 * read a bar, and one flashing up for a moment is noise. `show(null)` takes the bar away when the work stops.
 */
export function delayedProgress(delayMs: number, first: WorkProgress, show: (progress: WorkProgress | null) => void): DelayedProgress {
  let latest = first;
  let visible = false;
  const timer = setTimeout(() => {
    visible = true;
    show(latest);
  }, delayMs);
  return {
    update(progress) {
      latest = progress;
      if (visible) show(progress);
    },
    stop() {
      clearTimeout(timer);
      show(null);
    },
  };
}
