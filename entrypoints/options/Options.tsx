import { useEffect, useState } from 'preact/hooks';
import { loadLiteratureTypes, loadSummarizer, saveLiteratureTypes, saveSummarizer } from '../../utils/browser/settings';
import { DEFAULT_LITERATURE_TYPES, parseVocabulary } from '../../utils/record/vocabulary';

/** The summarizer's identity and the Type of Literature vocabulary. */
export function Options() {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [types, setTypes] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    Promise.all([loadSummarizer(), loadLiteratureTypes()]).then(
      ([s, t]) => {
        setName(s?.name ?? '');
        setRole(s?.role ?? '');
        setTypes(t.join('\n'));
      },
      (e: unknown) => setStatus(`Could not read the settings: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const vocabulary = parseVocabulary(types);
    if (!vocabulary.length) {
      setStatus('Not saved: the Type of Literature list needs at least one entry.');
      return;
    }
    try {
      await Promise.all([saveSummarizer({ name: name.trim(), role: role.trim() }), saveLiteratureTypes(vocabulary)]);
      setTypes(vocabulary.join('\n'));
      setStatus('Saved.');
    } catch (err) {
      setStatus(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <form class="library" onSubmit={save}>
      <h1>Précis options</h1>
      <fieldset class="summarizer">
        <legend>Summarized by</legend>
        <div class="field">
          <label for="o-name">Name</label>
          <input id="o-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="o-role">Role</label>
          <input id="o-role" value={role} onInput={(e) => setRole(e.currentTarget.value)} />
        </div>
      </fieldset>
      <div class="field" style={{ marginTop: '12px', maxWidth: '420px' }}>
        <label for="o-types">Type of Literature choices (one a line)</label>
        <textarea id="o-types" rows={14} value={types} onInput={(e) => setTypes(e.currentTarget.value)} />
      </div>
      <p>
        <button type="submit" class="primary">Save</button>{' '}
        <button type="button" onClick={() => setTypes(DEFAULT_LITERATURE_TYPES.join('\n'))}>
          Restore default list
        </button>
      </p>
      <p role="status">{status}</p>
    </form>
  );
}
