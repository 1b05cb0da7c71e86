import type { Locator, Page } from 'playwright-core';

export const LABELS: {
  title: 'Title';
  url: 'URL';
  author: 'Author';
  affiliation: 'Affiliation';
  publisher: 'Organization/Publisher';
  date: 'Date';
  place: 'Place';
  literatureType: 'Type of Literature';
  wordCount: 'Word Count';
  language: 'Language';
  keywords: 'Keywords';
  section: 'Section';
  summary: 'Summary';
};
export type FormValues = Record<keyof typeof LABELS | 'summarizerName' | 'summarizerRole', string>;

export function field(page: Page, label: string): Locator;
export function summarizerField(page: Page, label: 'Name' | 'Role'): Locator;
export function statusLine(page: Page): Locator;
export function pageNotice(page: Page): Locator;
export function keywordList(page: Page): Locator;
export function waitForExtraction(page: Page, timeout?: number): Promise<'filled' | 'notice'>;
export function readForm(page: Page): Promise<FormValues>;
export function keywordTags(page: Page): Promise<string[]>;
export function addKeyword(page: Page, tag: string, commit?: 'Enter' | ','): Promise<void>;
export function clickClipAsNew(page: Page, timeout?: number): Promise<void>;
export function clickSave(page: Page, timeout?: number): Promise<'saved' | 'duplicate'>;
export function exportJson(page: Page, dir: string): Promise<{ fileName: string; file: string; data: any }>;
export function localDate(d?: Date): string;
export function sourceHint(page: Page, label: string): Promise<string>;
