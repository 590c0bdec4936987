import type { PaysplitDb } from '../db/PaysplitDb';

/**
 * Notes on the outbox entries of a request that failed as a whole why, and when the next try is,
 * for the Queue page. Entries answered or discarded meanwhile are skipped.
 */
export async function recordFailure(db: PaysplitDb, ids: readonly string[], failure: { message: string; nextAttemptAt: number }): Promise<void> {
	if (ids.length === 0) return;
	await db.outbox
		.where('paymentId')
		.anyOf([...ids])
		.modify((entry) => {
			entry.lastError = failure.message;
			entry.nextAttemptAt = failure.nextAttemptAt;
		});
}
