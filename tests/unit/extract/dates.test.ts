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

  it('reads day-first numeric dates outside US English', () => {
    expect(normaliseDate('19.11.2021', { now, lang: 'de' })).toBe('2021-11-19');
    expect(normaliseDate('03/04/2021', { now, lang: 'en-GB' })).toBe('2021-04-03');
    expect(normaliseDate('03/04/2021', { now, lang: 'en-US' })).toBe('2021-03-04');
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
