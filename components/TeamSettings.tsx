import { useState } from 'preact/hooks';
import type { PrecisDatabase } from '../utils/db/database';
import { connectToTeam, disconnectFromTeam, requestTeamPermission, syncNow } from '../utils/browser/team-sync';
import { parseTeamAddress } from '../utils/sync/address';
import { statusLine, type Progress } from '../utils/sync/engine';
import { t } from '../utils/i18n/messages';
import { formatSyncTime, progressText, roleText, useTeamState } from './team-state';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Options → Team library: connect with address, user name and password; status; sync now; disconnect. */
export function TeamSettings({ db }: { db: PrecisDatabase }) {
  const view = useTeamState(db);
  const [address, setAddress] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);

  const runSync = async () => {
    setBusy(true);
    try {
      const report = await syncNow(db, { onProgress: setProgress, retryRefused: true });
      if (report && !report.ok && report.error) setMessage(report.error.message);
      else setMessage('');
    } catch (e) {
      setMessage(errorText(e));
    } finally {
      setProgress(null);
      setBusy(false);
    }
  };

  const connect = (e: Event, again?: { database: string; user: string }) => {
    e.preventDefault();
    const checked = parseTeamAddress(again?.database ?? address);
    const name = again?.user ?? user.trim();
    if (!checked.ok) {
      setMessage(checked.message);
      return;
    }
    // Asked in the click's own task, before anything is awaited: browsers grant permissions only then.
    const permitted = requestTeamPermission(checked.address);
    setBusy(true);
    setMessage(t('teamConnecting'));
    void (async () => {
      try {
        if (!(await permitted)) {
          setMessage(t('teamPermissionRefused', checked.address.origin));
          return;
        }
        await connectToTeam(db, checked.address, name, password);
        setPassword('');
        setMessage('');
      } catch (err) {
        setMessage(t('teamNotConnected', errorText(err)));
        return;
      } finally {
        setBusy(false);
      }
      await runSync();
    })();
  };

  const disconnect = async () => {
    setBusy(true);
    try {
      await disconnectFromTeam(db);
      setMessage(t('teamDisconnected'));
    } catch (e) {
      setMessage(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const connection = view?.connection ?? null;
  return (
    <section aria-labelledby="o-team-heading">
      <h2 id="o-team-heading">{t('teamHeading')}</h2>
      <p class="hint">{t('teamIntro')}</p>
      {view && !connection && (
        <form onSubmit={connect}>
          <fieldset class="plain" disabled={busy}>
            <div class="field">
              <label for="o-team-address">{t('teamAddress')}</label>
              <input id="o-team-address" type="url" value={address} placeholder="https://couch.example.org/precis-team" aria-describedby="o-team-address-hint" onInput={(e) => setAddress(e.currentTarget.value)} />
              <p class="hint" id="o-team-address-hint">
                {t('teamAddressHint')}
              </p>
            </div>
            <div class="field">
              <label for="o-team-user">{t('teamUser')}</label>
              <input id="o-team-user" autocomplete="username" value={user} onInput={(e) => setUser(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label for="o-team-password">{t('teamPassword')}</label>
              <input id="o-team-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </div>
            <p>
              <button type="submit" class="primary">
                {t('teamConnect')}
              </button>
            </p>
          </fieldset>
        </form>
      )}
      {view && connection && (
        <>
          <p>{t('teamConnectedAs', connection.database, connection.user, roleText(connection.roles))}</p>
          <p class="team-status">{statusLine(view.status, view.counts, formatSyncTime)}</p>
          {view.status?.lastError?.kind === 'unauthorized' && (
            // The session ended (CouchDB's sessions end after a while unused): sign in again, keeping
            // everything waiting to upload.
            <form onSubmit={(e) => connect(e, connection)}>
              <fieldset class="plain" disabled={busy}>
                <div class="field">
                  <label for="o-team-password-again">{t('teamPassword')}</label>
                  <input id="o-team-password-again" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
                </div>
                <button type="submit" class="primary">
                  {t('teamSignInAgain')}
                </button>
              </fieldset>
            </form>
          )}
          {progress && (
            <p>
              <label>
                {progressText(progress)}{' '}
                <progress max={progress.total ?? undefined} value={progress.total === null ? undefined : progress.done} />
              </label>
            </p>
          )}
          <p>
            <button type="button" disabled={busy} onClick={() => void runSync()}>
              {busy ? t('teamSyncing') : t('teamSyncNow')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => void disconnect()}>
              {t('teamDisconnect')}
            </button>
          </p>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
