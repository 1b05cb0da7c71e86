import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../../utils/extract/metadata/dates';

const now = new Date('2024-06-01T00:00:00Z');

describe('date normalisation', () => {
  it('keeps the written day of ISO 8601 date-times', () => {
    expect(normaliseDate('2021-09-30T23:30:00-05:00', { now })).toBe('2021-09-30');
    expect(normaliseDate('2021-09-30', { now })).toBe('2021-09-30');
    expect(normaliseDate('20210930', { now })).toBe('2021-09-30');
  });

  it('reads English, German, French and Spanish dates written in words', () => {
    expect(normaliseDate('June 4, 2020', { now, lang: 'en' })).toBe('2020-06-04');
    expect(normaliseDate('Veröffentlicht am 6. November 2023, 15:25 Uhr', { now, lang: 'de' })).toBe('2023-11-06');
    expect(normaliseDate('Publié le 3 mars 2021', { now, lang: 'fr' })).toBe('2021-03-03');
    expect(normaliseDate('11 de mayo de 2022', { now, lang: 'es' })).toBe('2022-05-11');
  });

  it('reads the page language first, and other languages without a hint', () => {
    expect(normaliseDate('29. Juni 2017', { now })).toBe('2017-06-29');
  });

  it('reads a month in Cyrillic or a CJK date whatever language the page declares', () => {
    expect(normaliseDate('15 августа 2016, 13:43', { now })).toBe('2016-08-15');
    expect(normaliseDate('15 серпня 2016', { now, lang: 'en' })).toBe('2016-08-15');
    expect(normaliseDate('2016年8月15日', { now, lang: 'de' })).toBe('2016-08-15');
  });

  it('reads dates in words in languages chrono-node does not know, from the month names Intl writes for them', () => {
    expect(normaliseDate('5 marca 2024', { lang: 'pl' })).toBe('2024-03-05');
    expect(normaliseDate('Opublikowano: 12 listopad 2023', { lang: 'pl-PL' })).toBe('2023-11-12');
    expect(normaliseDate('5. března 2024', { lang: 'cs' })).toBe('2024-03-05');
    expect(normaliseDate('5 Mart 2024 Salı', { lang: 'tr' })).toBe('2024-03-05');
    expect(normaliseDate('5 Μαρτίου 2024', { lang: 'el' })).toBe('2024-03-05');
    expect(normaliseDate('2024. március 5.', { lang: 'hu' })).toBe('2024-03-05');
    expect(normaliseDate('2024년 3월 5일', { lang: 'ko' })).toBe('2024-03-05');
    expect(normaliseDate('5. marts 2024', { lang: 'da' })).toBe('2024-03-05');
    expect(normaliseDate('5 martie 2024', { lang: 'ro' })).toBe('2024-03-05');
    // A word that is no month, and a tag Intl does not know, read as no date.
    expect(normaliseDate('5 kotów 2024', { lang: 'pl' })).toBeNull();
    expect(normaliseDate('5 marca 2024', { lang: 'qq' })).toBeNull();
  });

  it('reads day-first numeric dates outside US English', () => {
    expect(normaliseDate('19.11.2021', { now, lang: 'de' })).toBe('2021-11-19');
    expect(normaliseDate('03/04/2021', { now, lang: 'en-GB' })).toBe('2021-04-03');
    expect(normaliseDate('03/04/2021', { now, lang: 'en-US' })).toBe('2021-03-04');
  });

  it('reads a date line holding only a short day.month.year, in the century that is not in the future', () => {
    expect(normaliseDate('23.09.22', { now })).toBe('2022-09-23');
    expect(normaliseDate('23.09.22, 14:05 Uhr', { now })).toBe('2022-09-23');
    expect(normaliseDate('1.2.24 | 9:30', { now })).toBe('2024-02-01');
    expect(normaliseDate('31.12.98', { now })).toBe('1998-12-31');
    // A version number or a short date inside other text is not a publication date.
    expect(normaliseDate('v1.2.19', { now })).toBeNull();
    expect(normaliseDate('Version 1.2.19 released', { now })).toBeNull();
    expect(normaliseDate('31.02.22', { now })).toBeNull();
  });

  it('rejects future dates, relative dates and dates without a year', () => {
    expect(normaliseDate('2030-01-01', { now })).toBeNull();
    expect(normaliseDate('2 days ago', { now })).toBeNull();
    expect(normaliseDate('June 4', { now })).toBeNull();
    expect(normaliseDate('not a date', { now })).toBeNull();
  });

  it('rejects dates before 1990 unless a metadata field states them', () => {
    expect(normaliseDate('1843-09-01', { now })).toBeNull();
    expect(normaliseDate('1843-09-01', { now, explicit: true })).toBe('1843-09-01');
  });
});
