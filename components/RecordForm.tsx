import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import type { FormValues } from '../utils/record/form-values';
import { SourceHint, type Hint } from './SourceHint';
import { TagInput } from './TagInput';
import { t } from '../utils/i18n/messages';

export type HintField =
  | 'title' | 'url' | 'authors' | 'affiliation' | 'publisher' | 'publishedDate' | 'place' | 'literatureType'
  | 'wordCount' | 'language' | 'keywords' | 'section';

interface Props {
  values: FormValues;
  onChange: (patch: Partial<FormValues>) => void;
  hints: Partial<Record<HintField, Hint>>;
  literatureTypes: string[];
  keywordSuggestions: string[];
  /** Shown under the Keywords input (the popup's suggested keywords). */
  keywordTools?: ComponentChildren;
  /** Shown under the Summary (the popup's summary drafter). */
  summaryTools?: ComponentChildren;
  /** While a draft streams into the Summary, typing there would be overwritten. */
  summaryBusy?: boolean;
}

function Field(props: { id: string; label: string; hint?: Hint; children: ComponentChildren; wide?: boolean }) {
  return (
    <div class={props.wide ? 'field wide' : 'field'}>
      <div class="label-row">
        <label for={props.id}>{props.label}</label>
        <SourceHint id={`${props.id}-hint`} hint={props.hint} />
      </div>
      {props.children}
    </div>
  );
}

/** Every field of a record, with visible labels and where each auto-filled value came from. */
export function RecordForm({ values, onChange, hints, literatureTypes, keywordSuggestions, keywordTools, summaryTools, summaryBusy }: Props) {
  type TextKey = Exclude<keyof FormValues & HintField, 'keywords'>;
  const text = (id: string, key: TextKey, label: string, extra: { wide?: boolean; attrs?: InputHTMLAttributes<HTMLInputElement> } = {}) => (
    <Field id={id} label={label} hint={hints[key]} wide={extra.wide}>
      <input
        id={id}
        type="text"
        {...extra.attrs}
        value={values[key]}
        aria-describedby={hints[key] ? `${id}-hint` : undefined}
        onInput={(e) => onChange({ [key]: e.currentTarget.value })}
      />
    </Field>
  );
  // Keep a value the vocabulary does not list (e.g. from an older record) selectable.
  const types = values.literatureType && !literatureTypes.includes(values.literatureType)
    ? [...literatureTypes, values.literatureType]
    : literatureTypes;

  return (
    <div class="record-form">
      {text('f-title', 'title', t('formTitleLabel'), { wide: true, attrs: { required: true } })}
      {text('f-authors', 'authors', t('formAuthorLabel'), { wide: true, attrs: { placeholder: t('formAuthorPlaceholder') } })}
      {text('f-affiliation', 'affiliation', t('formAffiliationLabel'), { wide: true })}
      {text('f-publisher', 'publisher', t('formPublisherLabel'), { wide: true })}
      {text('f-date', 'publishedDate', t('formDateLabel'), { attrs: { type: 'date' } })}
      {text('f-place', 'place', t('formPlaceLabel'))}
      <Field id="f-type" label={t('formTypeLabel')} hint={hints.literatureType}>
        <select
          id="f-type"
          value={values.literatureType}
          aria-describedby={hints.literatureType ? 'f-type-hint' : undefined}
          onChange={(e) => onChange({ literatureType: (e.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">{t('formTypeNone')}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </Field>
      {text('f-words', 'wordCount', t('formWordCountLabel'), { attrs: { type: 'number', min: 0, step: 1 } })}
      {text('f-language', 'language', t('formLanguageLabel'))}
      {text('f-section', 'section', t('formSectionLabel'))}
      <Field id="f-keywords" label={t('formKeywordsLabel')} hint={hints.keywords} wide>
        <TagInput
          id="f-keywords"
          tags={values.keywords}
          onChange={(keywords) => onChange({ keywords })}
          suggestions={keywordSuggestions}
          describedBy={hints.keywords ? 'f-keywords-hint' : undefined}
        />
        {keywordTools}
      </Field>
      {text('f-url', 'url', t('formUrlLabel'), { wide: true, attrs: { type: 'url' } })}
      <Field id="f-summary" label={t('formSummaryLabel')} wide>
        <textarea
          id="f-summary"
          rows={7}
          value={values.summary}
          readOnly={summaryBusy}
          aria-busy={summaryBusy || undefined}
          onInput={(e) => onChange({ summary: (e.currentTarget as HTMLTextAreaElement).value })}
        />
        {summaryTools}
      </Field>
      <fieldset class="wide summarizer">
        <legend>{t('formSummarizedBy')}</legend>
        <div class="field">
          <label for="f-summarizer-name">{t('formSummarizerName')}</label>
          <input
            id="f-summarizer-name"
            type="text"
            autocomplete="name"
            value={values.summarizerName}
            onInput={(e) => onChange({ summarizerName: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="f-summarizer-role">{t('formSummarizerRole')}</label>
          <input
            id="f-summarizer-role"
            type="text"
            value={values.summarizerRole}
            onInput={(e) => onChange({ summarizerRole: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
      </fieldset>
    </div>
  );
}
