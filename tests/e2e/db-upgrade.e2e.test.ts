// A library saved by an earlier schema, written with raw IndexedDB in real Chromium before any extension page
// opens the database, opens with the current one (v5: one record per row, one text per row): every record
// listed, found by search, and exported whole with its article text. Version 4 stored records a hundred to a
// row and texts in hash buckets; version 3 records one per row and texts in the same buckets. (The unit tests
// open every version's data on fake-indexeddb; this one the browser's own storage.)
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportJson } from '../../scripts/lib/popup.mjs';
import type { PrecisRecord } from '../../utils/record/schema';
import { testDir, useHarness } from './support';

const fixture: { records: PrecisRecord[] } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/db/precis-v1.json'), 'utf8'));

/** The fixture's records (Urdu, Japanese, no URL, long text…) and enough plain ones to fill several v4 rows. */
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
const stored = records.map(({ text: _text, ...rest }) => rest);

/** The text bucket v3 and v4 kept a record's text in: FNV-1a over its id's UTF-16 code units, of 128. */
function textBucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 128;
}

function textBuckets(): { bucket: number; texts: [string, string][] }[] {
  const buckets = new Map<number, [string, string][]>();
  for (const r of records) if (r.text) buckets.set(textBucketOf(r.id), [...(buckets.get(textBucketOf(r.id)) ?? []), [r.id, r.text]]);
  return [...buckets].map(([bucket, texts]) => ({ bucket, texts }));
}

/** v4's rows of records: oldest first, a hundred to a row, each with the values its indexes covered. */
function recordBuckets() {
  const oldestFirst = [...stored].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return Array.from({ length: Math.ceil(oldestFirst.length / 100) }, (_, bucket) => {
    const rows = oldestFirst.slice(bucket * 100, bucket * 100 + 100);
    return {
      bucket,
      records: rows,
      ids: rows.map((r) => r.id),
      urls: [...new Set(rows.flatMap((r) => (r.url ? [r.url] : [])))],
      keywords: [...new Set(rows.flatMap((r) => r.keywords))],
      newest: rows.map((r) => r.createdAt).sort().at(-1)!,
    };
  });
}

interface Layout {
  /** IndexedDB's version (Dexie's times ten). */
  version: number;
  stores: { name: string; keyPath: string; indexes: [name: string, multiEntry: boolean][] }[];
  rows: Record<string, unknown[]>;
}

const LAYOUTS: Record<3 | 4, () => Layout> = {
  3: () => ({
    version: 30,
    stores: [
      { name: 'records', keyPath: 'id', indexes: [['url', false], ['keywords', true], ['createdAt', false]] },
      { name: 'textBuckets', keyPath: 'bucket', indexes: [] },
    ],
    rows: { records: stored, textBuckets: textBuckets() },
  }),
  4: () => ({
    version: 40,
    stores: [
      { name: 'recordBuckets', keyPath: 'bucket', indexes: [['ids', true], ['urls', true], ['keywords', true], ['newest', false]] },
      { name: 'textBuckets', keyPath: 'bucket', indexes: [] },
    ],
    rows: { recordBuckets: recordBuckets(), textBuckets: textBuckets() },
  }),
};

/** Writes a layout's rows as that schema stored them; a text bucket's texts are a Map, as they were. */
async function write(page: Page, layout: Layout) {
  await page.evaluate(async ({ version, stores, rows }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('precis', version);
      open.onupgradeneeded = () => {
        for (const s of stores) {
          const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath });
          for (const [name, multiEntry] of s.indexes) store.createIndex(name, name, { multiEntry });
        }
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(Object.keys(rows), 'readwrite');
    for (const [name, values] of Object.entries(rows)) {
      for (const value of values as Record<string, unknown>[]) {
        tx.objectStore(name).put(name === 'textBuckets' ? { ...value, texts: new Map(value.texts as [string, string][]) } : value);
      }
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, layout);
}

const h = useHarness('e2e');

describe.each([4, 3] as const)('a library saved by schema version %s', (version) => {
  let library: Page;
  const rowCount = () => library.getByRole('table', { name: 'Records' }).getAttribute('aria-rowcount');

  beforeEach(async () => {
    // The manifest is an extension page without the extension's code: nothing has opened the database yet
    // (the harness deleted it before this test).
    await write(await h.browser.helper(), LAYOUTS[version]());
    library = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
  });

  it('lists every record after the upgrade, newest clipped first', async () => {
    await expect.poll(rowCount, { timeout: 15_000 }).toBe(String(records.length + 1));
    const newest = [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    expect(await library.getByRole('table', { name: 'Records' }).getByRole('row').locator('.title').first().innerText()).toBe(newest.title);
  });

  it('finds upgraded records by search', async () => {
    await library.getByLabel('Search records').fill('پاکستان');
    const urdu = fixture.records.find((r) => r.keywords.includes('پاکستان'))!;
    const titles = () => library.getByRole('table', { name: 'Records' }).getByRole('row').locator('.title').allInnerTexts();
    await expect.poll(titles, { timeout: 15_000 }).toContain(urdu.title);
  });

  it('exports every upgraded record with its article text', async () => {
    await expect.poll(rowCount, { timeout: 15_000 }).toBe(String(records.length + 1));
    await library.getByLabel('Include article texts').check();
    const { data } = await exportJson(library, testDir());
    const byId = new Map((data.records as PrecisRecord[]).map((r) => [r.id, r]));
    expect(byId.size).toBe(records.length);
    for (const r of records) expect(byId.get(r.id)).toEqual(r.text ? r : (({ text: _text, ...rest }) => rest)(r));
  });
});
