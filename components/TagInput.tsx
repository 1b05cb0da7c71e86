import { useMemo, useState } from 'preact/hooks';
import { t } from '../utils/i18n/messages';
import { Choices } from './Choices';

interface Props {
  id: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  describedBy?: string;
}

const MAX_TAG = 200;

/** Keywords as tags: Enter or comma adds, Backspace in the empty box removes the last one. */
export function TagInput({ id, tags, onChange, suggestions, describedBy }: Props) {
  const [text, setText] = useState('');

  const add = (raw: string) => {
    const next = [...tags];
    for (const part of raw.split(',')) {
      const tag = part.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG);
      if (tag && !next.some((known) => known.toLowerCase() === tag.toLowerCase())) next.push(tag);
    }
    if (next.length !== tags.length) onChange(next);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(value);
    } else if (e.key === 'Backspace' && value === '' && tags.length) {
      e.preventDefault();
      onChange(tags.slice(0, -1));
    }
  };

  const listId = `${id}-suggestions`;
  const unused = useMemo(() => suggestions.filter((s) => !tags.some((tag) => tag.toLowerCase() === s.toLowerCase())), [suggestions, tags]);
  return (
    <div class="tag-input">
      {tags.length > 0 && (
        <ul aria-label={t('tagsLabel')} class="tags">
          {tags.map((tag) => (
            <li key={tag}>
              <span>{tag}</span>
              <button type="button" aria-label={t('tagsRemove', tag)} onClick={() => onChange(tags.filter((other) => other !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        value={text}
        list={listId}
        autocomplete="off"
        placeholder={tags.length ? '' : t('tagsPlaceholder')}
        aria-describedby={describedBy}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          // A pasted "a, b, c" becomes three tags; the part after the last comma stays editable.
          if (value.includes(',')) {
            const cut = value.lastIndexOf(',');
            add(value.slice(0, cut));
            setText(value.slice(cut + 1).trimStart());
          } else setText(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
      <Choices id={listId} values={unused} limit={200} />
    </div>
  );
}
