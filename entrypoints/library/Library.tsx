import { useEffect, useMemo, useState } from 'preact/hooks';
import { openDatabase } from '../../utils/db/database';
import { deleteRecord, listFullRecords, listKeywords, listRecords, saveRecord } from '../../utils/db/records';
import { loadLiteratureTypes } from '../../utils/browser/settings';
import { RecordEditor } from '../../components/RecordEditor';
import { exportFileName, exportJson } from '../../utils/export/json';
import { downloadText } from '../../utils/browser/download';
import type { StoredRecord } from '../../utils/db/database';

function matches(record: StoredRecord, query: string): boolean {
  const haystack = [record.title, record.publisher, record.summary, record.section, ...record.keywords, ...record.authors.map((a) => a.name)]
    .join(' ')
    .toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/** Every saved record: search, edit, export, delete. */
export function Library() {
  const db = useMemo(() => openDatabase(), []);
  const [records, setRecords] = useState<StoredRecord[] | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('Loading…');
  const [editing, setEditing] = useState<StoredRecord | null>(null);
  const [types, setTypes] = useState<string[]>([]);
  const [suggestions, setSuggestions] = useState<string[]>([]);

  const reload = async () => {
    try {
      const [all, keywords] = await Promise.all([listRecords(db), listKeywords(db)]);
      setRecords(all);
      setSuggestions(keywords);
      setStatus(`${all.length} record${all.length === 1 ? '' : 's'} in your library.`);
    } catch (e) {
      setStatus(`Could not open the library: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  useEffect(() => {
    void reload();
    void loadLiteratureTypes().then(setTypes, () => {});
  }, []);

  const shown = (records ?? []).filter((r) => matches(r, query));

  return (
    <main class="library">
      <header>
        <h1>Précis library</h1>
        <label for="search" class="visually-hidden">
          Search records
        </label>
        <input id="search" type="search" placeholder="Search title, author, keyword…" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button
          type="button"
          class="primary"
          disabled={!records?.length}
          onClick={async () => {
            try {
              const all = await listFullRecords(db);
              const name = exportFileName();
              downloadText(name, exportJson(all));
              setStatus(`Exported ${all.length} record${all.length === 1 ? '' : 's'} to ${name}.`);
            } catch (e) {
              setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
            }
          }}
        >
          Export JSON
        </button>
        <p role="status">{status}</p>
      </header>
      {editing && (
        <RecordEditor
          key={editing.id}
          record={editing}
          literatureTypes={types}
          keywordSuggestions={suggestions}
          onCancel={() => setEditing(null)}
          onSave={async (record) => {
            await saveRecord(db, record, { kind: 'update', id: record.id });
            setEditing(null);
            await reload();
            setStatus(`Saved changes to “${record.title}”.`);
          }}
        />
      )}
      {records && records.length === 0 && <p>No records yet. Open an article and click the Précis icon to clip one.</p>}
      {shown.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Author</th>
              <th scope="col">Organization/Publisher</th>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Keywords</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <td>{r.url && /^https?:/i.test(r.url) ? <a href={r.url} target="_blank" rel="noopener noreferrer">{r.title}</a> : r.title}</td>
                <td>{r.authors.map((a) => a.name).join('; ')}</td>
                <td>{r.publisher}</td>
                <td>{r.publishedDate}</td>
                <td>{r.literatureType}</td>
                <td class="keywords">{r.keywords.join(', ')}</td>
                <td class="actions">
                  <button type="button" aria-label={`Edit ${r.title}`} onClick={() => setEditing(r)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${r.title}`}
                    onClick={async () => {
                      if (!confirm(`Delete “${r.title}”? This cannot be undone.`)) return;
                      try {
                        await deleteRecord(db, r.id);
                        if (editing?.id === r.id) setEditing(null);
                        await reload();
                      } catch (e) {
                        setStatus(`Not deleted: ${e instanceof Error ? e.message : String(e)}`);
                      }
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
