// The team library's state as the pages show it: the connection, the last pass's status and what waits,
// followed with liveQuery so that every open page sees a pass run anywhere; and its words.
import { useEffect, useState } from 'preact/hooks';
import type { PrecisDatabase } from '../utils/db/database';
import { followQuery } from '../utils/db/follow';
import { syncCounts, syncStatus } from '../utils/db/sync-store';
import { getTeamConnection, type TeamConnection } from '../utils/db/team-connection';
import type { Progress } from '../utils/sync/engine';
import { teamRoleOf } from '../utils/sync/roles';
import type { SyncStatus, WaitingCounts } from '../utils/sync/store';
import { t, type MessageKey } from '../utils/i18n/messages';

const ROLE_TEXT: Record<string, MessageKey> = { associate: 'teamRoleAssociate', editor: 'teamRoleEditor', admin: 'teamRoleAdmin' };
export const roleText = (roles: readonly string[]) => t(ROLE_TEXT[teamRoleOf(roles) ?? ''] ?? 'teamRoleNone');
export const formatSyncTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function progressText(p: Progress): string {
  const what = t(p.phase === 'download' ? 'teamDownloading' : 'teamUploading');
  return p.total === null ? t('teamProgressOpen', what, p.done.toLocaleString()) : t('teamProgress', what, p.done.toLocaleString(), p.total.toLocaleString());
}

export interface SyncView {
  connection: TeamConnection | null;
  status: SyncStatus | null;
  counts: WaitingCounts;
}

/** Follows the connection, the last pass's status and what waits, from any page of the extension. */
export function useTeamState(db: PrecisDatabase): SyncView | null {
  const [view, setView] = useState<SyncView | null>(null);
  useEffect(
    () =>
      followQuery(async () => {
        const [connection, status, counts] = await Promise.all([getTeamConnection(db), syncStatus(db), syncCounts(db)]);
        return { connection, status, counts };
      }, setView),
    [db],
  );
  return view;
}

