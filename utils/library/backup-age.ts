import { t } from '../i18n/messages';

const DAY_MS = 86_400_000;

/** "Last export: 3 days ago" / "today" / "never": the backup reminder's wording. */
export function describeLastExport(last: Date | null, now: Date = new Date()): string {
  if (!last || Number.isNaN(last.getTime())) return t('backupNever');
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOfDay(now) - startOfDay(last)) / DAY_MS);
  if (days <= 0) return t('backupToday');
  if (days === 1) return t('backupYesterday');
  if (days < 60) return t('backupDaysAgo', days);
  return t('backupMonthsAgo', Math.round(days / 30));
}

/** Whether it is time to remind: never exported, or not for two weeks, while there is something to lose. */
export function backupIsDue(last: Date | null, recordCount: number, now: Date = new Date()): boolean {
  if (recordCount === 0) return false;
  return !last || now.getTime() - last.getTime() > 14 * DAY_MS;
}
