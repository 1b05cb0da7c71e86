// A library saved by the previous schema (v3: records one per IndexedDB row, article texts in hash buckets),
// written with raw IndexedDB in real Chromium before any extension page opens the database, opens with the
// current schema: every record listed, found by search, and exported whole with its article text. (The unit
// tests check the same upgrade on fake-indexeddb; this one on the browser's own storage.)
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportJson } from '../../scripts/lib/popup.mjs';
import type { PrecisRecord } from '../../utils/record/schema';
import { testDir, useHarness } from './support';

const fixture: { records: PrecisRecord[] } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/db/precis-v1.json'), 'utf8'));

/** The fixture's records (Urdu, Japanese, no URL, long text…) and enough plain ones to fill several new rows. */
const records: PrecisRecord[] = [
  ...fixture.records,
  ...Array.from({ length: 240 }, (_, i): PrecisRecord => ({
    ...fixture.records[0],
    id: `upgrade-${String(i).padStart(3, '0')}`,
    url: `https://example.org/upgrade/${i}`,
    title: `Upgraded record ${i}`,
    keywords: [`Batch ${i % 4}`],
    createdAt: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
    updatedAt: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
    ...(i % 3 ? { text: `Article text of record ${i}.` } : {}),
  })),
];

const h = useHarness('e2e');
let library: Page;

/** Schema v3's text bucket of a record id: FNV-1a over its UTF-16 code units, of 128 (as v3 released it). */
function textBucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 128;
}

/** Writes `records` as schema v3 stored them (Dexie's version 3 is IndexedDB version 30). */
async function writeVersion3(page: Page) {
  const stored = records.map(({ text: _text, ...rest }) => rest);
  const buckets = new Map<number, [string, string][]>();
  for (const r of records) {
    if (!r.text) continue;
    const bucket = textBucketOf(r.id);
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), [r.id, r.text]]);
  }
  await page.evaluate(
    async ([recordsJson, bucketsJson]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('precis', 30);
        open.onupgradeneeded = () => {
          const records = open.result.createObjectStore('records', { keyPath: 'id' });
          records.createIndex('url', 'url');
          records.createIndex('keywords', 'keywords', { multiEntry: true });
          records.createIndex('createdAt', 'createdAt');
          open.result.createObjectStore('textBuckets', { keyPath: 'bucket' });
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['records', 'textBuckets'], 'readwrite');
      for (const r of JSON.parse(recordsJson)) tx.objectStore('records').put(r);
      for (const [bucket, texts] of JSON.parse(bucketsJson) as [number, [string, string][]][]) {
        tx.objectStore('textBuckets').put({ bucket, texts: new Map(texts) });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    [JSON.stringify(stored), JSON.stringify([...buckets])] as const,
  );
}

beforeEach(async () => {
  // The manifest is an extension page without the extension's code: nothing has opened the database yet
  // (the harness deleted it before this test).
  await writeVersion3(await h.browser.helper());
  library = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
});

describe('a library saved by schema version 3', () => {
  it('lists every record after the upgrade, newest clipped first', async () => {
    const table = library.getByRole('table', { name: 'Records' });
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 15_000 }).toBe(String(records.length + 1));
    const newest = [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    expect(await table.getByRole('row').locator('.title').first().innerText()).toBe(newest.title);
  });

  it('finds upgraded records by search', async () => {
    await library.getByLabel('Search records').fill('پاکستان');
    const urdu = fixture.records.find((r) => r.keywords.includes('پاکستان'))!;
    const titles = () => library.getByRole('table', { name: 'Records' }).getByRole('row').locator('.title').allInnerTexts();
    await expect.poll(titles, { timeout: 15_000 }).toContain(urdu.title);
  });

  it('exports every upgraded record with its article text', async () => {
    await expect.poll(() => library.getByRole('table', { name: 'Records' }).getAttribute('aria-rowcount'), { timeout: 15_000 }).toBe(String(records.length + 1));
        await library.getByLabel('Include article texts').check();
    const { data } = await exportJson(library, testDir());
    const byId = new Map((data.records as PrecisRecord[]).map((r) => [r.id, r]));
    expect(byId.size).toBe(records.length);
    for (const r of records) expect(byId.get(r.id)).toEqual(r.text ? r : (({ text: _text, ...rest }) => rest)(r));
  });
});
