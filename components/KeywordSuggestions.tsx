import { useLayoutEffect, useRef } from 'preact/hooks';
import './popup-extras.css';
import { t } from '../utils/i18n/messages';

interface Props {
  suggestions: string[];
  tags: string[];
  onAdd: (keyword: string) => void;
  /** The keyword input, which gets the focus when the last suggestion has been added. */
  inputId: string;
}

const SHOWN = 10;
// "U.S." and "us" are the same tag for hiding purposes.
const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Suggested keywords under the Keywords input: one click or Enter adds one as a tag. */
export function KeywordSuggestions({ suggestions, tags, onAdd, inputId }: Props) {
  const used = new Set(tags.map(fold));
  const shown = suggestions.filter((s) => !used.has(fold(s))).slice(0, SHOWN);
  const list = useRef<HTMLUListElement>(null);
  // After an add the pressed button is gone: the focus moves to the one now in its place, before the paint
  // (with a plain effect, a key pressed in that frame went to the page).
  const focusAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (focusAt.current == null) return;
    const buttons = list.current?.querySelectorAll('button');
    const next = buttons?.length ? buttons[Math.min(focusAt.current, buttons.length - 1)] : document.getElementById(inputId);
    focusAt.current = null;
    next?.focus();
  });

  if (!shown.length) return null;
  return (
    <div class="keyword-suggestions">
      <span aria-hidden="true">{t('suggestedLead')}</span>
      <ul ref={list} aria-label={t('suggestedListLabel')}>
        {shown.map((keyword, i) => (
          <li key={keyword}>
            <button
              type="button"
              onClick={() => {
                focusAt.current = i;
                onAdd(keyword);
              }}
            >
              <span class="visually-hidden">{t('suggestedAdd')} </span>
              {keyword}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
