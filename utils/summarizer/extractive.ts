import { abortError, type SummaryEngine } from './engine';
import { t } from '../i18n/messages';

/** The on-device extractive drafter (utils/nlp), loaded on first use so the popup opens without it. */
export function extractiveEngine(load: () => Promise<typeof import('../nlp/index')> = () => import('../nlp/index')): SummaryEngine {
  return {
    id: 'extractive',
    label: t('engineExtractive'),
    async availability() {
      return 'available';
    },
    async summarize(text, options, callbacks = {}) {
      const { draftSummary } = await load();
      if (callbacks.signal?.aborted) throw abortError();
      const summary = draftSummary(text, { length: options.length, language: options.language ?? null, title: options.title ?? null });
      callbacks.onText?.(summary);
      return summary;
    },
  };
}
