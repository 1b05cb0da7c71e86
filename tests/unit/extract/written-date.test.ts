import { describe, expect, it } from 'vitest';
import { dateIsWritten } from '../../../utils/extract/metadata/written-date';

describe('whether a date is written in a page', () => {
  it('finds numeric forms and the month named in several languages', () => {
    for (const text of ['Published 4 May 2021 by the desk', 'May 4th, 2021', '4. Mai 2021', 'le 4 mai 2021', '4 de mayo de 2021', '4 мая 2021', '04.05.2021', '5/4/2021', '2021-05-04T10:00']) {
      expect(dateIsWritten(text, '2021-05-04'), text).toBe(true);
    }
  });

  it('does not mistake another day, another month or a bare year for it', () => {
    for (const text of ['14 May 2021', 'June 4, 2021', '© 2021 Example Press', '2021-05-14', 'Issue 4, 2021']) {
      expect(dateIsWritten(text, '2021-05-04'), text).toBe(false);
    }
  });

  it('looks only at a bounded part of a huge page', () => {
    expect(dateIsWritten(`${'x '.repeat(300_000)}4 May 2021`, '2021-05-04')).toBe(false);
  });
});
