import { useEffect, useRef, useState } from 'preact/hooks';
import type { PrecisDatabase, StoredRecord, StoredSyncState } from '../utils/db/database';
import { followQuery } from '../utils/db/follow';
import { flaggedSyncStates, resolveRecordConflicts } from '../utils/db/sync-store';
import { followTeam, syncNow } from '../utils/browser/team-sync';
import { statusLine, type Progress } from '../utils/sync/engine';
import type { Choices, Conflict, FieldChoice, MergedField } from '../utils/sync/merge';
import { t, type MessageKey } from '../utils/i18n/messages';
import { formatSyncTime, progressText, type SyncView } from './team-state';

const FIELD_LABELS: Record<MergedField, MessageKey> = {
  url: 'formUrlLabel',
  title: 'formTitleLabel',
  authors: 'formAuthorLabel',
  publisher: 'formPublisherLabel',
  publishedDate: 'formDateLabel',
  place: 'formPlaceLabel',
  literatureType: 'formTypeLabel',
  wordCount: 'formWordCountLabel',
  summary: 'formSummaryLabel',
  summarizedBy: 'formSummarizedBy',
  section: 'formSectionLabel',
  language: 'formLanguageLabel',
};

/** A field's value as plain text (never markup): authors with affiliations, "Name, Role", or the value. */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    return value.map((a: { name?: unknown; affiliation?: unknown }) => [a?.name, a?.affiliation].filter((v) => typeof v === 'string' && v).join(', ')).join('; ') || '—';
  }
  if (typeof value === 'object') {
    const v = value as { name?: unknown; role?: unknown };
    return [v.name, v.role].filter((s) => typeof s === 'string' && s).join(', ') || '—';
  }
  return String(value);
}

const excerpt = (text: string | null) => (text === null ? '—' : text.length > 300 ? `${text.slice(0, 300)}…` : text);

interface Flagged {
  row: StoredSyncState;
  record: StoredRecord | undefined;
}

/**
 * The team library in the library page: follows the server while the page is open (a teammate's save shows
 * within seconds), says how sync stands, and lists what needs the user: records changed in two places, with
 * both versions side by side, and edits the server refused.
 */
export function TeamPanel({ db, team }: { db: PrecisDatabase; team: SyncView }) {
  const database = team.connection?.database ?? null;
  const [progress, setProgress] = useState<Progress | null>(null);
  const follower = useRef<{ kick(): void } | null>(null);
  useEffect(() => {
    if (!database) return;
    const stop = new AbortController();
    // Only work of a known size gets a bar (a first download, an upload): the pass after every server change
    // would otherwise flash an empty one.
    follower.current = followTeam(db, stop.signal, () => setProgress(null), (p) => setProgress(p.total ? p : null));
    return () => {
      stop.abort();
      follower.current = null;
    };
  }, [db, database]);
  // A change made here (or in the popup) waits to upload: upload it now, not on the next server change.
  const changes = team.counts.changes;
  useEffect(() => {
    if (changes > 0) follower.current?.kick();
  }, [changes]);

  const [flagged, setFlagged] = useState<Flagged[]>([]);
  useEffect(
    () =>
      followQuery(async () => {
        const rows = await flaggedSyncStates(db);
        const records = await db.records.bulkGet(rows.map((r) => r.id));
        return rows.map((row, i) => ({ row, record: records[i] }));
      }, setFlagged),
    [db],
  );

  if (!team.connection) return null;
  const conflicts = flagged.filter((f) => f.row.state.conflicts.length);
  const refused = flagged.filter((f) => f.row.state.refused && !f.row.state.conflicts.length);
  return (
    <section class="team-panel" aria-label={t('teamHeading')}>
      <p class="team-status">{statusLine(team.status, team.counts, formatSyncTime)}</p>
      {progress && (
        <label class="team-progress">
          {progressText(progress)} <progress max={progress.total ?? undefined} value={progress.total === null ? undefined : progress.done} />
        </label>
      )}
      {conflicts.length > 0 && (
        <section aria-labelledby="team-conflicts-heading">
          <h2 id="team-conflicts-heading">{t('teamConflictsHeading')}</h2>
          {conflicts.map((f) => (
            <ConflictChooser key={`${f.row.id}:${f.row.state.edits}`} db={db} flagged={f} onResolved={() => follower.current?.kick()} />
          ))}
        </section>
      )}
      {refused.length > 0 && (
        <section aria-labelledby="team-refused-heading">
          <h2 id="team-refused-heading">{t('teamRefusedHeading')}</h2>
          <ul>
            {refused.map((f) => (
              <li key={f.row.id}>{t('teamRefused', f.record?.title ?? f.row.state.base?.title ?? f.row.id, f.row.state.refused ?? '')}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void syncNow(db, { retryRefused: true }).catch(() => {})}>
            {t('teamRetry')}
          </button>
        </section>
      )}
    </section>
  );
}

/** One record changed in two places: per field, this browser's version beside the team library's. */
function ConflictChooser({ db, flagged, onResolved }: { db: PrecisDatabase; flagged: Flagged; onResolved: () => void }) {
  const { row, record } = flagged;
  const title = record?.title ?? row.state.base?.title ?? row.id;
  const [fields, setFields] = useState<Partial<Record<MergedField, FieldChoice>>>({});
  const [text, setText] = useState<FieldChoice | undefined>();
  const [deletion, setDeletion] = useState<'keep' | 'delete' | undefined>();
  const [localText, setLocalText] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const hasText = row.state.conflicts.some((c) => c.kind === 'text');
  useEffect(() => {
    if (hasText) void db.texts.get(row.id).then((r) => setLocalText(r?.text ?? null));
  }, [db, row.id, hasText]);

  const choose = (c: Conflict, name: string) => {
    const radio = (value: string, label: string, checked: boolean, onPick: () => void) => (
      <label class="check">
        <input type="radio" name={name} value={value} checked={checked} onChange={onPick} /> {label}
      </label>
    );
    if (c.kind === 'field') {
      return (
        <fieldset class="conflict-field">
          <legend>{t(FIELD_LABELS[c.field])}</legend>
          <div class="side-by-side">
            <div>
              <p class="side-label">{t('teamConflictHere')}</p>
              <p class="side-value">{valueText(c.local)}</p>
              {radio('local', t('teamKeepMine'), fields[c.field] === 'local', () => setFields((f) => ({ ...f, [c.field]: 'local' })))}
            </div>
            <div>
              <p class="side-label">{t('teamConflictServer')}</p>
              <p class="side-value">{valueText(c.remote)}</p>
              {radio('remote', t('teamKeepTheirs'), fields[c.field] === 'remote', () => setFields((f) => ({ ...f, [c.field]: 'remote' })))}
            </div>
          </div>
        </fieldset>
      );
    }
    if (c.kind === 'text') {
      return (
        <fieldset class="conflict-field">
          <legend>{t('teamConflictText')}</legend>
          <div class="side-by-side">
            <div>
              <p class="side-label">{t('teamConflictHere')}</p>
              <p class="side-value">{excerpt(localText)}</p>
              {radio('local', t('teamKeepMine'), text === 'local', () => setText('local'))}
            </div>
            <div>
              <p class="side-label">{t('teamConflictServer')}</p>
              <p class="side-value">{excerpt(c.remote)}</p>
              {radio('remote', t('teamKeepTheirs'), text === 'remote', () => setText('remote'))}
            </div>
          </div>
        </fieldset>
      );
    }
    return (
      <fieldset class="conflict-field">
        <legend>{t(c.kind === 'deleted-remotely' ? 'teamConflictDeletedRemotely' : 'teamConflictDeletedLocally')}</legend>
        {radio('keep', t('teamKeepRecord'), deletion === 'keep', () => setDeletion('keep'))}
        {radio('delete', t('teamDeleteRecord'), deletion === 'delete', () => setDeletion('delete'))}
      </fieldset>
    );
  };

  const chosen = Object.keys(fields).length > 0 || text !== undefined || deletion !== undefined;
  const apply = async (e: Event) => {
    e.preventDefault();
    const choices: Choices = { fields, ...(text ? { text } : {}), ...(deletion ? { deletion } : {}) };
    try {
      await resolveRecordConflicts(db, row.id, choices);
      setMessage(t('teamResolved'));
      onResolved();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form class="conflict" aria-label={title} onSubmit={apply}>
      <p>{t('teamConflictIntro', title)}</p>
      {row.state.conflicts.map((c, i) => (
        <div key={i}>{choose(c, `conflict-${row.id}-${i}`)}</div>
      ))}
      <button type="submit" class="primary" disabled={!chosen}>
        {t('teamApplyChoices')}
      </button>
      <span role="status">{message}</span>
    </form>
  );
}
