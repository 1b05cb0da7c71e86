import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n/messages';

interface Props {
  /** What is under way, e.g. "Checking “backup.json”…" (also the bar's accessible name). */
  label: string;
  done: number;
  total: number;
}

/** A determinate progress bar with its label and percentage, for work that takes more than a moment. */
export function ProgressLine({ label, done, total }: Props) {
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <p class="progress-line">
      <span>{label}</span>
      <progress value={percent} max={100} aria-label={label} />
      <span class="progress-percent">{t('progressPercent', percent)}</span>
    </p>
  );
}

export type Progress = Props | null;

/**
 * Progress handed from long work to its bar without re-rendering the page around it: the work calls `set`,
 * and only the <LiveProgress> showing this source renders again.
 */
export class ProgressSource {
  private value: Progress = null;
  private listener: ((value: Progress) => void) | null = null;

  set(value: Progress): void {
    this.value = value;
    this.listener?.(value);
  }

  /** @internal for LiveProgress */
  listen(listener: ((value: Progress) => void) | null): Progress {
    this.listener = listener;
    return this.value;
  }
}

/** The bar of a ProgressSource, while it has progress to show. */
export function LiveProgress({ source }: { source: ProgressSource }) {
  const [value, setValue] = useState<Progress>(null);
  useEffect(() => {
    setValue(source.listen(setValue));
    return () => source.listen(null);
  }, [source]);
  return value && <ProgressLine {...value} />;
}
