/**
 * The one query layer of the bridge (DESIGN §5): PostgreSQL dialect, positional parameters ($1…).
 * PGlite implements it in-process; a PostgreSQL server can implement it the same way.
 */
export interface Sql {
	query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
	/** Runs `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
	transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
	/** Runs several statements separated by semicolons (migrations only; no parameters). */
	exec(text: string): Promise<void>;
	close(): Promise<void>;
}

export type SqlTx = Pick<Sql, 'query' | 'exec'>;
