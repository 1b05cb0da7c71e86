import type * as z from 'zod/mini';
import { t } from '../i18n/messages';

// zod/mini carries no messages of its own ("Invalid input" for everything), so schema complaints are put into
// words here, once, for the form, saves and imports alike.

const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

/** A JSON value's kind in words: "a string", "a list", "null". */
export function describeJsonValue(value: unknown): string {
  if (value === null) return t('jsonNull');
  if (value === undefined) return t('jsonNothing');
  return Array.isArray(value) ? t('jsonList') : withArticle(typeof value);
}

const at = (value: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);

// zod's names for JSON shapes, in the words the rest of the messages use.
const EXPECTED_NAMES: Record<string, string> = { array: t('jsonList'), record: t('jsonObject') };

/** A schema complaint in words: the schema's own message where it has one, else one made from the issue. */
export function issueText(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = issue.path.join('.') || t('fieldWholeRecord');
  return t('fieldProblem', field, issueProblem(issue, raw));
}

function issueProblem(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  const limit = (n: number | bigint) => n.toLocaleString('en');
  switch (issue.code) {
    case 'invalid_type':
      return t('fieldExpected', EXPECTED_NAMES[issue.expected] ?? withArticle(issue.expected), describeJsonValue(at(raw, issue.path)));
    case 'too_big':
      return issue.origin === 'array'
        ? t('fieldTooManyItems', limit(issue.maximum))
        : issue.origin === 'string'
          ? t('fieldTooLong', limit(issue.maximum))
          : t('fieldTooHigh', limit(issue.maximum));
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? t('fieldEmpty') : t('fieldTooLow', limit(issue.minimum));
    default:
      return t('fieldInvalid');
  }
}
