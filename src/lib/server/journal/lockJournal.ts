import type { SqlTx } from '../store/Sql';

/**
 * Takes the journal's order lock for the rest of the caller's transaction; call it before the
 * transaction locks or inserts anything. `payment_event.seq` comes from a sequence, which hands out
 * numbers when rows are inserted, not when they commit: on PostgreSQL with several connections (posting
 * lanes, a second bridge) event N+1 could commit before event N, and a device reading `GET /changes`
 * in between would store a cursor past N and never see it. With every journaling transaction holding
 * this lock from its start to its commit, events commit in the order of their sequence numbers.
 * On PGlite (one session, one transaction at a time) it is granted at once.
 */
export async function lockJournal(tx: SqlTx): Promise<void> {
	await tx.query(`SELECT pg_advisory_xact_lock(${JOURNAL_LOCK_ID})`);
}

/** The advisory lock id (the practice mirror uses 7201). */
const JOURNAL_LOCK_ID = 7202;
