import { liveQuery } from 'dexie';
import type { PaysplitDb } from './PaysplitDb';
import { quarantineRows } from './quarantineRows';
import type { BadRow } from './tableSchemas';

/** What a live querier returns: the parsed value, and the rows that failed their schema. */
export type ParsedRead<T> = { value: T; bad: BadRow[] };

export type LiveObserver<T> = { next?: (value: T) => void; error?: (error: unknown) => void };

/**
 * A live view: works as a Svelte store (`$view`) and as an Observable (`subscribe({next, error})`),
 * like Dexie's liveQuery, whose semantics it keeps (every tab sees changes; see local-first notes).
 */
export type LiveView<T> = { subscribe(observer: LiveObserver<T> | ((value: T) => void)): { unsubscribe(): void } };

/**
 * `liveQuery` whose querier parses what it reads. Rows that failed are moved to the quarantine from
 * the subscriber, not from the querier: a querier runs in a read-only liveQuery zone where Dexie
 * refuses read-write transactions. Moving them changes the tables, so the query runs again and
 * emits the clean value.
 */
export function observeParsed<T>(db: PaysplitDb, querier: () => Promise<ParsedRead<T>>, now: () => number): LiveView<T> {
	const source = liveQuery(querier);
	return {
		subscribe(observer) {
			const { next, error } = typeof observer === 'function' ? { next: observer, error: undefined } : observer;
			return source.subscribe({
				next: ({ value, bad }) => {
					if (bad.length > 0) {
						quarantineRows(db, bad, now).catch((cause: unknown) => error?.(cause));
					}
					next?.(value);
				},
				error: (cause: unknown) => error?.(cause)
			});
		}
	};
}
