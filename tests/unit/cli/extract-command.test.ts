import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const fixtures = join(root, 'tests/fixtures/cli');
const cli = join(root, 'cli/precis.mjs');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each test starts the real CLI (Node + tsx): allow for a slow, shared machine.
describe('precis extract', { timeout: 60_000 }, () => {
  it('prints one JSON draft for an HTML file', () => {
    const r = run(['extract', '--url', 'https://harbour.example/world/ports', join(fixtures, 'article.html')]);
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout);
    expect(draft).toMatchObject({
      title: 'Ports, Power and Patience',
      authors: [{ name: 'Mara Lindqvist' }],
      publisher: 'Harbour Review',
      url: 'https://harbour.example/world/ports',
      language: 'en',
    });
    expect(draft.publishedDate).toMatch(/^2023-05-17/);
    expect(draft.wordCount).toBeGreaterThan(90);
    expect(draft.text.split('\n').length).toBeGreaterThanOrEqual(3);
    expect(draft.timings.extractMs).toBeTypeOf('number');
  });

  it('takes a .txt file as plain article text', () => {
    const draft = JSON.parse(run(['extract', join(fixtures, 'note.txt')]).stdout);
    expect(draft).toMatchObject({ title: 'A Note on Tariffs', wordCount: 14 });
  });

  it('adds a drafted summary from the article and keyword suggestions, page tags kept apart', () => {
    const draft = JSON.parse(run(['extract', '--url', 'https://harbour.example/world/ports', join(fixtures, 'article.html')]).stdout);
    expect(draft.summary.length).toBeGreaterThan(20);
    expect(draft.text.replace(/\s+/g, ' ')).toContain(draft.summary.split(/(?<=[.!?])\s/)[0]);
    expect(draft.keywords.length).toBeGreaterThan(0);
    expect(Array.isArray(draft.pageKeywords)).toBe(true);
    expect(draft.timings.nlpMs).toBeTypeOf('number');
  });

  it('runs a manifest in order, reporting a broken file without stopping the others, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-cli-'));
    const manifest = join(dir, 'list.jsonl');
    const lines = [
      { file: join(fixtures, 'article.html'), url: 'https://harbour.example/a' },
      { file: join(dir, 'missing.html'), url: null },
      { file: join(fixtures, 'note.txt'), url: null },
    ];
    writeFileSync(manifest, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = run(['extract', '--manifest', manifest]);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.file)).toEqual(lines.map((l) => l.file));
    expect(out[0].title).toBe('Ports, Power and Patience');
    expect(out[1].error).toMatch(/cannot read file/);
    expect(out[1].title).toBeUndefined();
    expect(out[2].title).toBe('A Note on Tariffs');
    for (const key of ['title', 'authors', 'publisher', 'publishedDate', 'place', 'literatureType', 'language', 'wordCount', 'text', 'keywords', 'summary']) {
      expect(out[0]).toHaveProperty(key);
    }
  });

  it('exits 2 with usage on bad arguments', () => {
    const r = run(['extract', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
