import type { DBCoreMutateRequest } from 'dexie';
import type { PrecisDatabase } from './database';

/**
 * Tells a page's own writes to `recordBuckets` apart from other pages'. Dexie's "storagemutated" event fires
 * for both alike, once per finished transaction; this counts the page's own transactions that wrote records,
 * so each of their events can be claimed (`claimOwn`) and only other pages' changes are followed.
 * If another page's event comes first, it is claimed instead, and the page's own event that follows is
 * followed (re-reading finds the other page's change then): nothing is missed, at worst one read is spent.
 */
export function trackOwnRecordWrites(db: PrecisDatabase): { claimOwn(): boolean } {
  let pending = 0;
  const seen = new WeakSet<object>();
  db.use({
    stack: 'dbcore',
    name: 'precis-own-record-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'recordBuckets') return table;
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            // Dexie's transaction here is the IndexedDB transaction itself.
            const trans = request.trans as unknown as IDBTransaction;
            if (!seen.has(trans)) {
              seen.add(trans);
              pending++;
              trans.addEventListener('abort', () => pending--); // no event follows an aborted transaction
            }
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return {
    claimOwn: () => {
      if (pending < 1) return false;
      pending--;
      return true;
    },
  };
}
