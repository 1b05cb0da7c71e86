import type * as z from 'zod/mini';

// zod/mini carries no messages of its own ("Invalid input" for everything), so schema complaints are put into
// words here, once, for the form, saves and imports alike.

const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

/** A JSON value's kind in words: "a string", "a list", "null". */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : withArticle(typeof value);
}

const at = (value: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);

// zod's names for JSON shapes, in the words the rest of the messages use.
const EXPECTED_NAMES: Record<string, string> = { array: 'a list', record: 'an object' };

/** A schema complaint in words: the schema's own message where it has one, else one made from the issue. */
export function issueText(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = issue.path.join('.') || '(record)';
  if (issue.message && issue.message !== 'Invalid input') return `${field}: ${issue.message}`;
  const limit = (n: number | bigint) => n.toLocaleString('en');
  switch (issue.code) {
    case 'invalid_type':
      return `${field}: expected ${EXPECTED_NAMES[issue.expected] ?? withArticle(issue.expected)}, found ${describeJsonValue(at(raw, issue.path))}`;
    case 'too_big':
      return `${field}: ${issue.origin === 'array' ? `more than ${limit(issue.maximum)} items` : issue.origin === 'string' ? `longer than ${limit(issue.maximum)} characters` : `above ${limit(issue.maximum)}`}`;
    case 'too_small':
      return `${field}: ${issue.origin === 'string' && issue.minimum === 1 ? 'cannot be empty' : `below the minimum of ${limit(issue.minimum)}`}`;
    default:
      return `${field}: not a valid value`;
  }
}
