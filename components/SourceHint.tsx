import { t } from '../utils/i18n/messages';

/** Where an auto-filled value came from (display text); shown beside the field's label and read with the field. */
export type Hint = { kind: 'from' | 'guessed'; source: string } | { kind: 'empty' };

export function SourceHint({ id, hint }: { id: string; hint: Hint | undefined }) {
  if (!hint) return null;
  const text = hint.kind === 'empty' ? t('hintNotFound') : t(hint.kind === 'guessed' ? 'hintGuessedFrom' : 'hintFrom', hint.source);
  return (
    <small id={id} class={`hint hint-${hint.kind}`}>
      {text}
    </small>
  );
}
