/**
 * The one query layer of the bridge (DESIGN §5): PostgreSQL dialect, positional parameters ($1…).
 * PGlite implements it in-process (openPglite); a PostgreSQL server through a pool of connections
 * (openPostgres). Both return the same JavaScript values for the same column types: date as
 * 'YYYY-MM-DD' text, numeric as text, bigint as a number, timestamptz as a Date, json(b) parsed.
 */
export interface Sql {
	query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
	/** Runs `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
	transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
	/** Runs several statements separated by semicolons (migrations only; no parameters). */
	exec(text: string): Promise<void>;
	/**
	 * Runs `work` holding the exclusive lock named `key` for as long as it runs, against every
	 * process that shares this database, waiting for it if another holds it. PostgreSQL: a
	 * session-level advisory lock, so it may span several transactions and a call to the PMS
	 * between them (issue 5: one posting at a time per family, across bridge processes). PGlite: a
	 * lock in this process, since its directory belongs to one process. `work` uses this store as
	 * usual. Not reentrant: asking again for a key you hold waits forever.
	 */
	withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
	/** As `withLock`, but gives up at once, without running `work`, when someone else holds `key`. */
	tryWithLock<T>(key: string, work: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }>;
	close(): Promise<void>;
}

export type SqlTx = Pick<Sql, 'query' | 'exec'>;
