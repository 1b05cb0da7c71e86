import { liveQuery } from 'dexie';

/**
 * Runs `query` now and again whenever the records it read change, in this page or any other page of the
 * extension (Dexie tells its pages of one origin apart and together), handing each result to `next`.
 * Returns the function that stops following.
 */
export function followQuery<T>(query: () => Promise<T>, next: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next,
    error: (e: unknown) => console.error('Précis: stopped following the library', e),
  });
  return () => subscription.unsubscribe();
}
