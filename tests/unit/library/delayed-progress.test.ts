import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delayedProgress, type WorkProgress } from '../../../utils/library/delayed-progress';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const step = (done: number): WorkProgress => ({ label: 'Writing the file…', done, total: 10 });

describe('a progress bar for long work only', () => {
  it('shows nothing for work done before the delay', () => {
    const shown: Array<WorkProgress | null> = [];
    const bar = delayedProgress(700, step(0), (p) => shown.push(p));
    bar.update(step(5));
    vi.advanceTimersByTime(699);
    bar.stop();
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([null]);
  });

  it('shows how far the work has come once it has run the delay, follows it, and goes when it stops', () => {
    const shown: Array<WorkProgress | null> = [];
    const bar = delayedProgress(700, step(0), (p) => shown.push(p));
    bar.update(step(3));
    vi.advanceTimersByTime(700);
    bar.update(step(8));
    bar.stop();
    expect(shown).toEqual([step(3), step(8), null]);
  });
});
